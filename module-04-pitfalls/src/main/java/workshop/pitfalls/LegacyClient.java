package workshop.pitfalls;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client from a library you cannot change, such as an old JDBC driver or a blocking SDK:
 * {@link #lookup(String)} parks the calling thread until the remote answer arrives. Fine on a
 * thread of its own; a disaster on the event loop, where it stops every other request.
 *
 * <p>It counts the calls in progress and remembers the threads that made them, so tests can see
 * how many overlapped. Tests can also hold every call ({@link #holdCalls()}) until they let them
 * go ({@link #releaseCalls()}), to look at a burst while all of its calls are still running.
 */
public final class LegacyClient {
    /** A held call gives up after this long, so a test that forgets to release cannot hang a thread for good. */
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);

    private final Duration latency;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final Set<Long> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean virtualThreadSeen;
    private volatile CountDownLatch hold; // null unless a test holds the calls

    /** @param latency how long every call blocks its thread, standing for the network round trip */
    public LegacyClient(Duration latency) {
        this.latency = latency;
    }

    /** Looks {@code key} up, blocking the calling thread for the client's latency (or until released). */
    public String lookup(String key) {
        calls.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        threads.add(Thread.currentThread().threadId());
        if (Thread.currentThread().isVirtual()) {
            virtualThreadSeen = true;
        }
        try {
            CountDownLatch held = hold;
            if (held == null) {
                Thread.sleep(latency); // the blocking call we cannot rewrite
            } else if (!held.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("lookup of " + key + " was held for " + LONGEST_HOLD.toSeconds()
                        + " s and never released");
            }
            return "value of " + key;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the interrupt for whoever shuts the thread down
            throw new IllegalStateException("lookup of " + key + " was interrupted", e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** From now on, every call blocks until {@link #releaseCalls()} instead of for the latency. */
    public void holdCalls() {
        hold = new CountDownLatch(1);
    }

    /** Lets every held call return, and makes later calls take the latency again. */
    public void releaseCalls() {
        CountDownLatch held = hold;
        hold = null;
        if (held != null) {
            held.countDown();
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

    /** How many different threads have made calls so far. */
    public int threadsUsed() {
        return threads.size();
    }

    /** Whether any call so far ran on a virtual thread. */
    public boolean usedVirtualThreads() {
        return virtualThreadSeen;
    }
}
