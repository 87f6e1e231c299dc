package workshop.pitfalls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import workshop.common.BadRequestException;
import workshop.loop.EventLoop;

/**
 * An asynchronous store, like a database behind an async driver: {@link #save(String)} returns
 * at once with a future that the loop completes when the write is done, or fails when the
 * write fails. Items whose name starts with {@code broken} always fail, so the unhappy path can
 * be tried from curl. Call its methods on the loop thread, as handlers do.
 *
 * <p>A write that fails while nothing is chained onto its future is a failure nobody will hear
 * of: the store counts it ({@link #failuresNobodyAwaited()}) and prints one line, as asyncio
 * logs {@code Task exception was never retrieved} for a failed task that nobody awaited. (asyncio
 * notices when the forgotten task is garbage-collected; the store notices when the write fails.)
 *
 * <p>Tests can hold every write ({@link #holdWrites()}) and let them finish when they choose
 * ({@link #releaseWrites()}), to look at the moment between "write started" and "write done".
 */
public final class ItemStore {
    private static final int MAX_ITEM_LENGTH = 40;

    private final EventLoop loop;
    private final Duration writeLatency;
    private final Set<String> saved = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pendingWrites = new AtomicInteger();
    private final AtomicInteger startedWrites = new AtomicInteger();
    private final AtomicInteger failedWrites = new AtomicInteger();
    private final AtomicInteger failuresNobodyAwaited = new AtomicInteger();
    private final List<Runnable> heldWrites = new ArrayList<>(); // loop thread only
    private volatile boolean holding;

    public ItemStore(EventLoop loop, Duration writeLatency) {
        this.loop = loop;
        this.writeLatency = writeLatency;
    }

    /** Checks and normalizes an item name, asynchronously as a remote check would; a bad one fails with a 400. */
    public CompletableFuture<String> validate(String rawItem) {
        CompletableFuture<String> checked = new CompletableFuture<>();
        loop.execute(() -> { // answered in a later step of the loop, never right away
            String item = rawItem == null ? "" : rawItem.strip().toLowerCase(Locale.ROOT);
            if (item.isEmpty() || item.length() > MAX_ITEM_LENGTH || !item.matches("[a-z0-9-]+")) {
                checked.completeExceptionally(new BadRequestException(
                        "item must be 1 to " + MAX_ITEM_LENGTH + " letters, digits or dashes, got '" + rawItem + "'"));
            } else {
                checked.complete(item);
            }
        });
        return checked;
    }

    /** Starts writing {@code item}; the future completes with the item once it is stored. */
    public CompletableFuture<String> save(String item) {
        CompletableFuture<String> written = new CompletableFuture<>();
        startedWrites.incrementAndGet();
        pendingWrites.incrementAndGet();
        Runnable finish = () -> finishWrite(item, written);
        if (holding) {
            heldWrites.add(finish);
        } else {
            loop.callLater(writeLatency, finish);
        }
        return written;
    }

    private void finishWrite(String item, CompletableFuture<String> written) {
        pendingWrites.decrementAndGet();
        if (item.startsWith("broken")) {
            failedWrites.incrementAndGet();
            IllegalStateException failure = new IllegalStateException("disk full while saving " + item);
            if (written.getNumberOfDependents() == 0) { // no stage waits on this future: the failure reaches nobody
                failuresNobodyAwaited.incrementAndGet();
                System.out.printf("%s: the write of %s failed (%s) and nothing was waiting for its future;"
                        + " asyncio would log \"Task exception was never retrieved\"%n",
                        loop.threadName(), item, failure.getMessage());
            }
            written.completeExceptionally(failure);
        } else {
            saved.add(item);
            written.complete(item);
        }
    }

    /** From now on, writes wait for {@link #releaseWrites()} instead of the write latency. */
    public void holdWrites() {
        holding = true;
    }

    /** Finishes every held write, on the loop thread; callable from any thread. */
    public void releaseWrites() {
        loop.execute(() -> {
            List<Runnable> release = List.copyOf(heldWrites);
            heldWrites.clear();
            release.forEach(Runnable::run);
        });
    }

    /** Items whose write has completed. */
    public Set<String> saved() {
        return Set.copyOf(saved);
    }

    /** Writes started and not finished yet. */
    public int pendingWrites() {
        return pendingWrites.get();
    }

    /** Writes started so far, finished or not. */
    public int startedWrites() {
        return startedWrites.get();
    }

    /** Writes that failed, whether or not anyone heard of it. */
    public int failedWrites() {
        return failedWrites.get();
    }

    /** Writes that failed while nothing was chained onto their future: failures nobody will ever see. */
    public int failuresNobodyAwaited() {
        return failuresNobodyAwaited.get();
    }
}
