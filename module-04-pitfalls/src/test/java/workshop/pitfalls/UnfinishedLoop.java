package workshop.pitfalls;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Says where a failure really comes from when module 04 runs on the learner's own module 03 loop
 * (a kit handed out without {@code solutions/}: see this module's pom) and that loop is not
 * finished. Module 04 has no step 3.x of its own, so a "TODO 3.x" anywhere in a failure can only
 * come from module 03's {@code EventLoop.java}. The test still fails, with the same cause; only the
 * words change, so that a learner reads "finish module 03" instead of a TODO that names a file
 * and a README step that are not in this module.
 */
final class UnfinishedLoop implements TestExecutionExceptionHandler {
    /** Module 03's starter instruction, also when a 500 answer quoted it (JSON-escaped) in an assertion. */
    private static final Pattern LOOP_TODO = Pattern.compile(
            "TODO (3\\.\\d+): (.*?)(?: in src/exercise/java/[\\w/]+\\.java)?(?: \\(README\\.md[^)]*\\))?(?=\\\\?\"|\\n|$)");

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher todo = t.getMessage() == null ? null : LOOP_TODO.matcher(t.getMessage());
            if (todo != null && todo.find()) {
                throw new AssertionError(explain(todo.group(1), todo.group(2)), thrown);
            }
        }
        throw thrown;
    }

    static String explain(String step, String instruction) {
        return "module 04 runs on your module 03 loop, which is not finished: step " + step + " still has to \""
                + instruction.replace("\\\"", "\"") + "\" (../module-03-event-loop/src/exercise/java/workshop/loop/EventLoop.java)."
                + " Finish module 03 first: cd ../module-03-event-loop && ../mvnw test shows what is left. (A kit with"
                + " its solutions/ folder runs module 04 on the finished loop instead: README.md, \"Where the event loop"
                + " comes from\")";
    }
}
