package workshop.pitfalls;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Bounded waits that fail in the learner's words: what was expected, and what the test saw
 * instead, never Awaitility's "condition with Lambda expression was not fulfilled" alone.
 */
final class Waits {
    private Waits() {
    }

    /** Waits at most {@code atMost} until {@code condition}; on a timeout fails with {@code expected} and what {@code saw} says. */
    static void until(String expected, Duration atMost, Callable<Boolean> condition, Supplier<String> saw) {
        try {
            await().alias(expected).atMost(atMost).pollInterval(Duration.ofMillis(10)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(String.format("expected %s within %s, but %s", expected, seconds(atMost), saw.get()));
        }
    }

    /** Checks that {@code condition} holds for the whole of {@code during}; fails with what {@code saw} says when it stops holding. */
    static void holds(String expected, Duration during, Callable<Boolean> condition, Supplier<String> saw) {
        try {
            await().alias(expected).during(during).atMost(during.plusSeconds(3)).pollInterval(Duration.ofMillis(10))
                    .until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(String.format("expected %s for %d ms, but %s", expected, during.toMillis(), saw.get()));
        }
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }
}
