package workshop.pitfalls;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Bounded waits that fail in the learner's words: what was expected, and what the test saw
 * instead, never Awaitility's "condition with Lambda expression was not fulfilled" alone.
 */
final class Waits {
    private Waits() {
    }

    /** Waits at most {@code atMost} until {@code condition}; on a timeout fails with {@code expected} and what {@code saw} says. */
    static void until(String expected, Duration atMost, Callable<Boolean> condition, Supplier<String> saw) {
        until(expected, atMost, condition, saw, () -> null);
    }

    /**
     * As {@link #until(String, Duration, Callable, Supplier)}, but fails at once, with the words
     * {@code wrong} returns, as soon as those words are not null: a mistake seen while waiting.
     */
    static void until(String expected, Duration atMost, Callable<Boolean> condition, Supplier<String> saw,
                      Supplier<String> wrong) {
        try {
            await().alias(expected).atMost(atMost).pollInterval(Duration.ofMillis(10))
                    .failFast(() -> wrong.get() != null)
                    .until(condition);
        } catch (TerminalFailureException e) {
            throw new AssertionError(wrong.get());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(String.format("expected %s within %s, but %s", expected, seconds(atMost), saw.get()));
        }
    }

    /**
     * Checks that {@code condition} holds for the whole of {@code during}, and fails at once, with what
     * {@code saw} says, the moment it stops holding (Awaitility's {@code during} would wait on, to its
     * {@code atMost}, for the condition to hold again).
     */
    static void holds(String expected, Duration during, Callable<Boolean> condition, Supplier<String> saw) {
        long end = System.nanoTime() + during.toNanos();
        try {
            do {
                if (!condition.call()) {
                    throw new AssertionError(String.format("expected %s for %d ms, but %s", expected, during.toMillis(), saw.get()));
                }
                Thread.sleep(10);
            } while (System.nanoTime() - end < 0);
        } catch (AssertionError e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while checking " + expected, e);
        } catch (Exception e) {
            throw new AssertionError("checking " + expected + " failed: " + e, e);
        }
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }
}
