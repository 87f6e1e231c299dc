package workshop.pitfalls;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import workshop.loop.EventLoop;

/**
 * A remote catalog behind an async client: {@link #price(String)} and {@link #stock(String)}
 * return futures that the loop's timers complete after the catalog's latency. Only the loop can
 * complete them, which is exactly why waiting for them <em>on</em> the loop thread never ends.
 * Call them on the loop thread, as handlers do.
 */
public final class Catalog {
    private final EventLoop loop;
    private final Duration latency;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger maxPending = new AtomicInteger();

    private record Pending(CompletableFuture<Integer> future, int value) {
    }

    public Catalog(EventLoop loop, Duration latency) {
        this.loop = loop;
        this.latency = latency;
    }

    /** The item's price in cents, after the catalog's latency. */
    public CompletableFuture<Integer> price(String item) {
        return lookup(100 + Math.floorMod(item.hashCode(), 900));
    }

    /** How many of the item are in stock, after the catalog's latency. */
    public CompletableFuture<Integer> stock(String item) {
        return lookup(Math.floorMod(item.hashCode() / 7, 50));
    }

    private CompletableFuture<Integer> lookup(int value) {
        Pending lookup = new Pending(new CompletableFuture<>(), value);
        pending.add(lookup);
        maxPending.accumulateAndGet(pending.size(), Math::max);
        loop.callLater(latency, () -> {
            if (pending.remove(lookup)) {
                answered.incrementAndGet();
                lookup.future().complete(value);
            }
        });
        return lookup.future();
    }

    /** Lookups started and not answered yet. */
    public int pendingLookups() {
        return pending.size();
    }

    /** The most lookups that were pending at the same moment. */
    public int maxPendingLookups() {
        return maxPending.get();
    }

    /** Lookups answered so far. */
    public int answeredLookups() {
        return answered.get();
    }

    /**
     * Answers every pending lookup from the calling thread, not from the loop. Only a rescue for
     * tests: it frees a loop thread that is stuck in {@code join()} on one of these futures.
     */
    public void rescueFromOutside() {
        Pending lookup;
        while ((lookup = pending.poll()) != null) {
            answered.incrementAndGet();
            lookup.future().complete(lookup.value());
        }
    }
}
