package workshop.common;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Structural assertions about concurrency: they count requests in flight on the server instead
 * of timing them, and a failure prints the request timeline so the learner sees what happened.
 */
public final class Overlap {
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
