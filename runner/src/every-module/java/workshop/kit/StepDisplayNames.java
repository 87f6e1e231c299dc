package workshop.kit;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;

/**
 * Names a test class that has no {@code @DisplayName} by the step it tests, as in {@code 4.2 OffloadLegacyTest}, so
 * that the kit's order of test classes by display name is step order in every module: Maven's console then reads
 * 2.0, 2.1, 2.2, ... instead of the alphabetical AdapterTest (2.4), AggregateTest (2.7), ... The step is the class's
 * {@code step-N.M} tag, or else the first step ID its tests' display names start with; a class with neither keeps
 * its simple name. (Surefire 3.5.4 prints a class's own {@code @DisplayName} only; a class without one still shows
 * its class name there, now in step order.) Every kit module gets this class in its test sources (root pom,
 * {@code copy-every-module}); the root pom names it in Surefire's JUnit configuration, which the runner reads too.
 */
public class StepDisplayNames extends DisplayNameGenerator.Standard {
    private static final Pattern STEP_ID = Pattern.compile("^(\\d+)\\.(\\d+)\\b");
    private static final Comparator<Matcher> COURSE_ORDER = Comparator.comparingInt((Matcher m) -> Integer.parseInt(m.group(1)))
            .thenComparingInt(m -> Integer.parseInt(m.group(2)));

    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        String name = super.generateDisplayNameForClass(testClass);
        return step(testClass).map(step -> step + " " + name).orElse(name);
    }

    /** The class's step: its {@code step-N.M} tag, or the first step ID of its tests' display names. */
    static Optional<String> step(Class<?> testClass) {
        for (Tag tag : testClass.getAnnotationsByType(Tag.class)) {
            if (tag.value().startsWith("step-")) {
                return Optional.of(tag.value().substring("step-".length()));
            }
        }
        return Stream.of(testClass.getDeclaredMethods()).map(StepDisplayNames::displayName).flatMap(Optional::stream)
                .map(STEP_ID::matcher).filter(Matcher::find).min(COURSE_ORDER).map(m -> m.group(1) + "." + m.group(2));
    }

    private static Optional<String> displayName(Method method) {
        DisplayName name = method.getAnnotation(DisplayName.class);
        return name == null ? Optional.empty() : Optional.of(name.value());
    }
}
