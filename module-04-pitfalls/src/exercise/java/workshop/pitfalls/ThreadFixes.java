package workshop.pitfalls;

import java.util.concurrent.ExecutorService;

/**
 * YOUR ROOM, part 3: the thread pitfalls. They have nothing to do with the event loop; they hit
 * blocking-style code, and they are why "just use threads" needs a little care too.
 */
public final class ThreadFixes {
    private ThreadFixes() {
    }

    /**
     * 4.6 An executor on which report tasks may block waiting for their section tasks, submitted
     * to the same executor, without ever running out of threads.
     *
     * <p>A fixed pool has a fixed number of threads: once all of them hold a report that waits,
     * the sections queue forever (see {@link ReportJobs}). Hints: HINTS.md, step 4.6.
     */
    public static ExecutorService reportExecutor() {
        throw new UnsupportedOperationException(
                "TODO 4.6: return an executor that never runs out of threads for waiting reports from reportExecutor() in "
                        + "src/exercise/java/workshop/pitfalls/ThreadFixes.java (README.md, step 4.6)");
    }

    /**
     * 4.6 A separate pool for the section tasks, so a report pool that is full of waiting reports
     * can never block the sections they wait for. The sections never wait for anything, so a
     * small fixed pool is enough.
     */
    public static ExecutorService sectionPool() {
        throw new UnsupportedOperationException(
                "TODO 4.6: return a small pool of its own for the section tasks from sectionPool() in "
                        + "src/exercise/java/workshop/pitfalls/ThreadFixes.java (README.md, step 4.6)");
    }

    /**
     * 4.7 A guard that lets only one thread at a time run its sections, like
     * {@link PinningProbe#monitorGuard()}, but that never pins a virtual thread's carrier, on any
     * JDK: a {@link java.util.concurrent.locks.ReentrantLock} instead of {@code synchronized}.
     *
     * <p>Each call returns a new guard with a lock of its own.
     */
    public static PinningProbe.Guard lockGuard() {
        throw new UnsupportedOperationException(
                "TODO 4.7: return a guard that holds a ReentrantLock around the section from lockGuard() in "
                        + "src/exercise/java/workshop/pitfalls/ThreadFixes.java (README.md, step 4.7)");
    }
}
