package workshop.runner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One step of a module, such as {@code 1.2}: its title and README section, and the tests that decide
 * it (those tagged {@code step-1.2}, the same tests as {@code ../mvnw test -Dgroups=step-1.2}).
 *
 * @param id the step ID, {@code 1.2}
 * @param title the README heading after the ID, or the first test's name when the README has none
 * @param link the README section, such as {@code README.md#12-read-ms-and-reject-a-bad-one}
 * @param tests the tests as found, one per test method (a parameterized test counts once here)
 */
record Step(String id, String title, String link, List<FoundTest> tests) {
    /** Steps in course order: 1.2 before 1.10. */
    static final Comparator<String> ORDER = Comparator.comparing((String id) -> part(id, 0)).thenComparing(id -> part(id, 1));

    /** True when the step has something to write: at least one exercise test. */
    boolean exercise() {
        return tests.stream().anyMatch(FoundTest::exercise);
    }

    /** A step per step ID found among the tests, in course order, titled from the module's README. */
    static List<Step> of(List<FoundTest> found, Readme readme) {
        Map<String, List<FoundTest>> byStep = new TreeMap<>(ORDER);
        for (FoundTest test : found) {
            if (!test.step().isEmpty()) {
                byStep.computeIfAbsent(test.step(), id -> new ArrayList<>()).add(test);
            }
        }
        List<Step> steps = new ArrayList<>();
        byStep.forEach((id, tests) -> {
            Readme.Section section = readme.section(id);
            String title = section != null ? section.title() : tests.get(0).name().replaceFirst("^\\S+\\s*", "");
            String link = section != null ? readme.file() + "#" + section.anchor() : readme.file();
            steps.add(new Step(id, title, link, List.copyOf(tests)));
        });
        return steps;
    }

    private static int part(String id, int index) {
        String[] parts = id.split("\\.");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
