package workshop.pitfalls;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import workshop.loop.EventLoop;
import workshop.loop.http.Response;

/**
 * YOUR ROOM, part 1: keep the loop free. A handler runs on the loop thread, the one thread that
 * also serves every other request: whatever it does before it returns its future, nobody else
 * is served. Waiting becomes a future; blocking calls and CPU work go to other threads, and the
 * answer comes back to the loop.
 */
public final class NonBlockingHandlers {
    private NonBlockingHandlers() {
    }

    /**
     * 4.1 {@code GET /slow/?ms=N}: wait {@code wait} without blocking, then answer 200 with
     * {@code {"message": "done"}}. The Java {@code await asyncio.sleep(...)}.
     *
     * <p>The contract: return at once with a future that completes with the answer once
     * {@code wait} has passed, and let no thread sleep meanwhile. The loop thread runs this method,
     * and it is the thread that serves every other request. Hints: HINTS.md, step 4.1.
     */
    public static CompletableFuture<Response> slow(EventLoop loop, Duration wait) {
        throw new UnsupportedOperationException(
                "TODO 4.1: wait with loop.sleep(wait), then answer {\"message\": \"done\"}, in slow() in "
                        + "src/exercise/java/workshop/pitfalls/NonBlockingHandlers.java (README.md, step 4.1)");
    }

    /**
     * 4.2 The executor that runs the legacy client's blocking calls: the Java twin of the thread
     * pool behind {@code asyncio.to_thread} and of the limit behind FastAPI's
     * {@code run_in_threadpool}. Both are bounded, and so is this one.
     *
     * <p>The contract: at most {@code limit} calls run at the same time (the server asks for
     * {@link PitfallServer#LEGACY_LIMIT}); a call that arrives while {@code limit} are running
     * waits in line, first come first served, until one of them ends. No call is refused and none
     * is lost. Each running call holds its thread for the whole round trip, so {@code limit} is
     * also the most calls the library, and whatever stands behind it, ever sees at once. Hints:
     * HINTS.md, step 4.2.
     *
     * @param limit how many blocking calls may run at once
     * @return an executor that never runs more than {@code limit} tasks at the same time
     */
    public static ExecutorService legacyExecutor(int limit) {
        throw new UnsupportedOperationException(
                "TODO 4.2: return an executor that runs at most limit blocking calls at once (the others wait in line) "
                        + "from legacyExecutor() in "
                        + "src/exercise/java/workshop/pitfalls/NonBlockingHandlers.java (README.md, step 4.2)");
    }

    /**
     * 4.2 {@code GET /legacy/?key=K}: call {@code legacy.lookup(key)} on {@code blockingPool},
     * then continue on the {@code loop}: the returned future must complete on the loop thread,
     * because what follows (the given route) uses state that only the loop thread may touch.
     *
     * <p>The contract: the loop thread never runs the blocking call, and this method returns at
     * once. Hints: HINTS.md, step 4.2.
     */
    public static CompletableFuture<String> lookup(LegacyClient legacy, String key, Executor blockingPool, Executor loop) {
        throw new UnsupportedOperationException(
                "TODO 4.2: run legacy.lookup(key) on blockingPool and complete on the loop, in lookup() in "
                        + "src/exercise/java/workshop/pitfalls/NonBlockingHandlers.java (README.md, step 4.2)");
    }

    /**
     * 4.3 The pool for CPU-bound work: exactly one thread per core of the machine, never more;
     * jobs that find every thread busy wait in line. CPU work never waits, so a thread only helps
     * while it has a core to run on. Hints: HINTS.md, step 4.3.
     */
    public static ExecutorService cpuPool() {
        throw new UnsupportedOperationException(
                "TODO 4.3: return a fixed pool with one thread per core from cpuPool() in "
                        + "src/exercise/java/workshop/pitfalls/NonBlockingHandlers.java (README.md, step 4.3)");
    }

    /**
     * 4.3 {@code GET /hash/?ms=N}: run {@code cpu.hashFor(payload, cpuTime)} on {@code cpuPool},
     * and complete the returned future on the {@code loop}, as in 4.2.
     */
    public static CompletableFuture<CpuWork.Hash> hash(CpuWork cpu, String payload, Duration cpuTime,
                                                       Executor cpuPool, Executor loop) {
        throw new UnsupportedOperationException(
                "TODO 4.3: run cpu.hashFor(payload, cpuTime) on cpuPool and complete on the loop, in hash() in "
                        + "src/exercise/java/workshop/pitfalls/NonBlockingHandlers.java (README.md, step 4.3)");
    }
}
