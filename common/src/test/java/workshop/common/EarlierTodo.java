package workshop.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For a test that goes through an earlier step's code: while that code still throws its TODO, the test
 * fails at once with "step N.M must be green first" instead of with its own assertions (or after waiting
 * for a burst that can never start). Whatever else the earlier code does is left to the test's own
 * assertions, so nothing here can turn a test green.
 */
public final class EarlierTodo {
    /** A starter's instruction, also when it reaches us JSON-escaped inside a 500 answer. */
    private static final Pattern TODO = Pattern.compile("TODO (\\d+)\\.(\\d+): (?:.*?\\(README\\.md, step \\d+\\.\\d+\\)|.*)");

    /** How long a probe's future may take; the probes wait for nothing longer than a zero-length sleep. */
    public static final int WAIT_SECONDS = 5;

    private EarlierTodo() {
    }

    /**
     * Runs {@code probe}, a call into an earlier step's code, and fails if what it threw or returned
     * carries the TODO of a step before {@code step}.
     *
     * A probe that returns a future is waited for, at most {@link #WAIT_SECONDS} seconds: a future that
     * fails with an earlier TODO counts as throwing it.
     *
     * @param step  the step of the calling test, for example {@code "2.5"}
     * @param how   how the test reaches the earlier code, for example {@code "sends GET /slow/ requests"}
     * @return what the probe returned, or {@code null} when it threw something other than an earlier TODO
     */
    public static <T> T mustBeGreen(String step, String how, Callable<T> probe) {
        T result;
        try {
            result = probe.call();
            if (result instanceof Future<?> future) {
                future.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception | Error thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                failIfEarlierTodo(step, how, String.valueOf(t.getMessage()));
            }
            return null; // the earlier step's code is written; if it is wrong, the test's own assertions say how
        }
        failIfEarlierTodo(step, how, String.valueOf(result));
        return result;
    }

    /**
     * Fails if {@code outcome} (an answer the test already has, such as a server's 500) carries the TODO
     * of a step before {@code step}; otherwise returns it for the test's own assertions.
     */
    public static <T> T check(String step, String how, T outcome) {
        failIfEarlierTodo(step, how, String.valueOf(outcome));
        return outcome;
    }

    private static void failIfEarlierTodo(String step, String how, String text) {
        Matcher todo = TODO.matcher(text);
        if (todo.find() && isBefore(todo.group(1), todo.group(2), step)) {
            String earlier = todo.group(1) + "." + todo.group(2);
            throw new AssertionError("step " + earlier + " must be green first: this test of step " + step + " " + how
                    + ", and that code still says:\n" + todo.group().replace("\\\"", "\""));
        }
    }

    private static boolean isBefore(String module, String number, String step) {
        String[] parts = step.split("\\.");
        int byModule = Integer.compare(Integer.parseInt(module), Integer.parseInt(parts[0]));
        return byModule < 0 || byModule == 0 && Integer.parseInt(number) < Integer.parseInt(parts[1]);
    }
}
