package workshop.pitfalls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client from a library you cannot change, such as an old JDBC driver or a blocking SDK:
 * {@link #lookup(String)} parks the calling thread until the remote answer arrives. Fine on a
 * thread of its own; a disaster on the event loop, where it stops every other request.
 *
 * <p>It counts the calls in progress, so tests can see how many overlapped.
 */
public final class LegacyClient {
    private final Duration latency;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    /** @param latency how long every call blocks its thread, standing for the network round trip */
    public LegacyClient(Duration latency) {
        this.latency = latency;
    }

    /** Looks {@code key} up, blocking the calling thread for the client's latency. */
    public String lookup(String key) {
        calls.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(latency); // the blocking call we cannot rewrite
            return "value of " + key;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the interrupt for whoever shuts the thread down
            throw new IllegalStateException("lookup of " + key + " was interrupted", e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    public Duration latency() {
        return latency;
    }

    /** The most calls that were in progress at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int calls() {
        return calls.get();
    }
}
