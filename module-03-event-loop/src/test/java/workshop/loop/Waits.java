package workshop.loop;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/** Bounded waits that say, when they run out, what was expected in the learner's words and what was seen instead. */
final class Waits {
    private Waits() {
    }

    /**
     * Waits until {@code done}, at most {@code atMost}; else fails with "expected {@code what} within N s, but
     * {@code saw}".
     */
    static void until(String what, Duration atMost, Callable<Boolean> done, Supplier<String> saw) {
        try {
            await().alias(what).atMost(atMost).until(done);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + " within " + atMost.toMillis() / 1000.0 + " s, but " + saw.get());
        }
    }
}
