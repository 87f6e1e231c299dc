package workshop.async;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * YOUR ROOM, part 6: protect a fragile service. A burst of 200 requests must not become 200
 * calls at once, but blocking on {@link Semaphore#acquire()} would stall the dispatcher thread.
 * So a call that finds no free permit waits in a queue, as a task, holding no thread.
 */
public final class AsyncLimiter {
    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    public AsyncLimiter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, got " + limit);
        }
        this.permits = new Semaphore(limit);
    }

    /**
     * 2.8 Runs {@code call} (which starts the real work and returns its future) once a permit is
     * free, and returns at once a future that completes as the call's future does, with its value or
     * its failure.
     * <ul>
     *   <li>Never more than {@code limit} calls have started and not yet completed.</li>
     *   <li>A call that waits for a permit waits in {@code waiting}, as a task, holding no thread;
     *       {@link #startWaitingCalls()} (given) starts waiting tasks, taking a permit for each.</li>
     *   <li>Each call gives its permit back when its future completes, whether it succeeded or
     *       failed, and so does a {@code call} that throws instead of returning a future (its result
     *       fails then); a freed permit goes to the next waiting call.</li>
     * </ul>
     */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        throw new UnsupportedOperationException(
                "TODO 2.8: queue the call and start it when a permit is free in submit() in "
                        + "src/exercise/java/workshop/async/AsyncLimiter.java (README.md, step 2.8)");
    }

    /** Permits free right now (for tests and curious learners). */
    public int availablePermits() {
        return permits.availablePermits();
    }

    /** Starts queued calls while permits last; safe to call from any thread, as often as you like (given). */
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
