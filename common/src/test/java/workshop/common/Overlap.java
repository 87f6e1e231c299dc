package workshop.common;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Structural assertions about concurrency: they count requests in flight on the server instead
 * of timing them, and a failure prints the request timeline so the learner sees what happened.
 */
public final class Overlap {
    /**
     * How long the requests of a burst sent at once may go without one more starting. A correct executor
     * starts them all within tens of milliseconds of each other, even on a busy 2-core laptop.
     */
    public static final Duration STALL = Duration.ofSeconds(3);

    private Overlap() {
    }

    /** Waits until {@code expected} requests are in flight at the same time. */
    public static void awaitInFlight(InFlightCounter counter, int expected, Duration atMost) {
        try {
            await(expected + " requests in flight at once").atMost(atMost).pollInterval(Duration.ofMillis(10))
                    .until(() -> counter.inFlight() >= expected);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(String.format(
                    "expected %d requests in flight at once, but at most %d were (waited %d ms)%n%s",
                    expected, counter.maxInFlight(), atMost.toMillis(), Timeline.render(counter.snapshot(), 20)));
        }
    }

    /**
     * Waits until {@code expected} requests are in flight at once. Fails when {@code atMost} has passed,
     * or sooner, when requests have started but the most in flight at once has not grown for {@link #STALL}:
     * the executor does not run more of them together ({@code model} says which one, e.g. {@code "threadPerRequest()"}).
     */
    public static void awaitInFlight(InFlightCounter counter, int expected, Duration atMost, String model) {
        long[] lastChange = {System.nanoTime()};
        int[] lastMost = {-1};
        try {
            await(expected + " requests in flight at once on " + model)
                    .atMost(atMost).pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        if (counter.inFlight() >= expected) {
                            return true;
                        }
                        int most = counter.maxInFlight();
                        if (most != lastMost[0]) {
                            lastMost[0] = most;
                            lastChange[0] = System.nanoTime();
                        }
                        return most > 0 && System.nanoTime() - lastChange[0] > STALL.toNanos();
                    });
        } catch (ConditionTimeoutException e) {
            throw notInFlight(counter, expected, model, "within " + atMost.toMillis() + " ms");
        }
        if (counter.inFlight() < expected) {
            throw notInFlight(counter, expected, model, "and no more than that ran together for " + STALL.toSeconds() + " s");
        }
    }

    private static AssertionError notInFlight(InFlightCounter counter, int expected, String model, String how) {
        return new AssertionError(String.format(
                "expected %d requests in flight at once on %s, but at most %d were (%d started, %s):%n%s",
                expected, model, counter.maxInFlight(), counter.started(), how, Timeline.render(counter.snapshot(), 20)));
    }

    /** Checks that the server never had more than {@code limit} requests in flight. */
    public static void assertNeverMoreThan(InFlightCounter counter, int limit) {
        if (counter.maxInFlight() > limit) {
            throw new AssertionError(String.format(
                    "expected never more than %d request(s) in flight, but %d were at once:%n%s",
                    limit, counter.maxInFlight(), Timeline.render(counter.snapshot(), 20)));
        }
    }

    /** Waits until {@code expected} requests have finished. */
    public static void awaitFinished(InFlightCounter counter, int expected, Duration atMost) {
        try {
            await(expected + " requests finished").atMost(atMost).pollInterval(Duration.ofMillis(10))
                    .until(() -> counter.spans().size() >= expected);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(String.format(
                    "expected %d requests to finish within %d ms, but %d did, %d still in flight:%n%s",
                    expected, atMost.toMillis(), counter.spans().size(), counter.inFlight(),
                    Timeline.render(counter.snapshot(), 20)));
        }
    }
}
