package workshop.async;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.core.ConditionTimeoutException;
import workshop.common.InFlightCounter;
import workshop.common.TestClient;
import workshop.common.Timeline;

/**
 * Bounded waits of this module's tests that end a wrong answer early: a burst that stopped starting
 * requests fails once it has stood still for {@link #STALL}, not at the end of a long bound.
 */
final class Waits {
    /**
     * How long the requests of a burst sent at once may go without one more starting. A correct executor
     * starts them all within tens of milliseconds of each other, even on a busy 2-core laptop.
     */
    static final Duration STALL = Duration.ofSeconds(3);

    private Waits() {
    }

    /**
     * Waits until {@code expected} requests are in flight at once. Fails when {@code atMost} has passed,
     * or sooner, when requests have started but the most in flight at once has not grown for {@link #STALL}:
     * the executor does not run more of them together ({@code model} says which one, e.g. {@code "threadPerRequest()"}).
     */
    static void awaitInFlight(InFlightCounter counter, int expected, Duration atMost, String model) {
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

    /** The answer to {@code GET path}, or a failure that says the server did not answer within {@code atMost}. */
    static TestClient.Reply get(TestClient client, String path, Duration atMost, String why) {
        CompletableFuture<TestClient.Reply> reply = client.getAsync(path);
        try {
            return reply.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new AssertionError("GET " + path + " got no answer within " + atMost.toMillis() + " ms: " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for GET " + path, e);
        } catch (ExecutionException e) {
            throw new AssertionError("GET " + path + " got no answer: " + e.getCause(), e.getCause());
        }
    }
}
