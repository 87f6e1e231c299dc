package workshop.pitfalls;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import workshop.loop.EventLoop;
import workshop.loop.http.Response;

/** SOLUTION: keep the loop free. Waiting becomes a future; blocking and CPU work go elsewhere and come back. */
public final class NonBlockingHandlers {
    private NonBlockingHandlers() {
    }

    /** 4.1 A loop timer completes the wait; the loop thread serves others meanwhile. */
    public static CompletableFuture<Response> slow(EventLoop loop, Duration wait) {
        return loop.sleep(wait).thenApply(done -> Response.ok("message", "done"));
    }

    /**
     * 4.2 A fixed pool of {@code limit} threads, like FastAPI's 40 tokens: at most {@code limit}
     * calls run at once, and the others wait in the pool's queue (first come, first served).
     */
    public static ExecutorService legacyExecutor(int limit) {
        return Executors.newFixedThreadPool(limit, Thread.ofPlatform().name("legacy-", 0).factory());
    }

    /** 4.2 The Java {@code await asyncio.to_thread(...)}: block on the pool, then continue on the loop thread. */
    public static CompletableFuture<String> lookup(LegacyClient legacy, String key, Executor blockingPool, Executor loop) {
        return CompletableFuture.supplyAsync(() -> legacy.lookup(key), blockingPool)
                .thenApplyAsync(value -> value, loop); // hop back: what follows runs on the loop thread
    }

    /** 4.3 One thread per core: more threads would only take turns on the same cores. */
    public static ExecutorService cpuPool() {
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("cpu-", 0).factory());
    }

    /** 4.3 Hash on the CPU pool, then continue on the loop thread. */
    public static CompletableFuture<CpuWork.Hash> hash(CpuWork cpu, String payload, Duration cpuTime,
                                                       Executor cpuPool, Executor loop) {
        return CompletableFuture.completedFuture(cpu.hashFor(payload, cpuTime)); // WRONG: the CPU work runs on the loop
    }
}
