package workshop.async;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/** KNOWN MISTAKE (2.8-no-release-on-failure): at most {@code limit} calls in flight; the others wait in a queue, not on a thread. */
public final class AsyncLimiter {
    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    public AsyncLimiter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, got " + limit);
        }
        this.permits = new Semaphore(limit);
    }

    /** 2.8 Runs {@code call} when a permit is free and gives the permit back when its future completes. */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        waiting.add(() -> {
            CompletableFuture<T> started;
            try {
                started = call.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.thenAccept(value -> { // only a call that succeeds gives its permit back
                permits.release();
                startWaitingCalls();
                result.complete(value);
            });
            started.exceptionally(failure -> {
                result.completeExceptionally(failure);
                return null;
            });
        });
        startWaitingCalls();
        return result;
    }

    /** Permits free right now (for tests and curious learners). */
    public int availablePermits() {
        return permits.availablePermits();
    }

    /** Starts queued calls while permits last; safe to call from any thread, as often as you like. */
    private void startWaitingCalls() {
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                permits.release(); // another thread took the last one first
            } else {
                next.run();
            }
        }
    }
}
