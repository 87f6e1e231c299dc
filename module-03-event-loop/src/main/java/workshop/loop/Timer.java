package workshop.loop;

/**
 * A task scheduled for later by {@link EventLoop#callLater}: it waits in the loop's timer heap
 * until its deadline, then runs on the loop thread like any ready task.
 *
 * <p>The sequence number breaks ties: two timers with the same deadline fire in the order they
 * were scheduled. {@link #cancel()} only marks the timer; the loop drops it when it reaches the
 * top of the heap (cheaper than searching the heap for it, and what asyncio does too).
 */
public final class Timer implements Runnable {
    private final long deadlineNanos;
    private final long sequence;
    private final Runnable task;
    private volatile boolean cancelled;

    /**
     * @param deadlineNanos when to run, on the {@link System#nanoTime()} clock
     * @param sequence      the loop's running count of scheduled timers, for FIFO ties
     * @param task          what to run
     */
    public Timer(long deadlineNanos, long sequence, Runnable task) {
        this.deadlineNanos = deadlineNanos;
        this.sequence = sequence;
        this.task = task;
    }

    public long deadlineNanos() {
        return deadlineNanos;
    }

    public long sequence() {
        return sequence;
    }

    Runnable task() {
        return task;
    }

    /** Stops the timer from running, if it has not run yet. Safe from any thread. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void run() {
        if (!cancelled) {
            task.run();
        }
    }

    @Override
    public String toString() {
        return "timer #" + sequence + " (" + EventLoopBase.describe(task) + ")";
    }
}
