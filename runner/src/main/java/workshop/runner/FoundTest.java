package workshop.runner;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One test as JUnit found it: its unique ID, the name a learner reads (its display name), and its tags.
 *
 * @param id JUnit's unique ID, which also names the test's class and method
 * @param name the display name, such as {@code 1.2 parseMillis rejects bad input}
 * @param tags the tags, the class's included: {@code exercise} or {@code demo}, and {@code step-N.M}
 */
record FoundTest(String id, String name, Set<String> tags) {
    private static final Pattern STEP_AT_START = Pattern.compile("^(\\d+\\.\\d+)\\b");

    /**
     * The step this test belongs to: its {@code step-N.M} tag, or else the step ID its display name
     * starts with (a module's "look around" demos carry no step tag); empty when it has neither.
     */
    String step() {
        for (String tag : tags) {
            if (tag.startsWith("step-")) {
                return tag.substring("step-".length());
            }
        }
        Matcher start = STEP_AT_START.matcher(name);
        return start.find() ? start.group(1) : "";
    }

    /** An exercise test: red until the learner writes the step's code. */
    boolean exercise() {
        return tags.contains("exercise");
    }

    /** True when {@code leafId} is this test or one of its invocations (a parameterized test's runs). */
    boolean covers(String leafId) {
        return leafId.equals(id) || leafId.startsWith(id + "/");
    }
}
