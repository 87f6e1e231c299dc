package workshop.loop;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A task scheduled for later by {@link EventLoop#callLater}: it waits in the loop's timer heap
 * until its deadline, then runs on the loop thread like any ready task. asyncio's twin is the
 * {@code TimerHandle} that {@code loop.call_later} returns.
 *
 * <p>The sequence number breaks ties: two timers with the same deadline fire in the order they
 * were scheduled. That rule is the kit's own, stricter than asyncio's: a {@code TimerHandle}
 * compares deadlines only, so asyncio may run timers with equal deadlines in any order.
 *
 * <p>{@link #cancel()} only marks the timer and tells its loop, which counts it: removing a timer
 * from the middle of a heap is the expensive part. The timer stays in the heap until it reaches
 * the top, or until the loop rebuilds the heap because over half of it is cancelled timers (step
 * 3.5). asyncio does the same: {@code TimerHandle.cancel()} tells the loop, which counts the
 * cancelled handles and rebuilds its heap when it holds more than 100 and over half of them are
 * cancelled.
 */
public final class Timer implements Runnable {
    private static final int WAITING = 0;
    private static final int RAN = 1;
    private static final int CANCELLED = 2;

    private final long deadlineNanos;
    private final long sequence;
    private final Runnable task;
    private final EventLoopBase loop;
    private final AtomicInteger state = new AtomicInteger(WAITING); // cancel() may come from any thread

    /**
     * @param deadlineNanos when to run, on the {@link System#nanoTime()} clock
     * @param sequence      the loop's running count of scheduled timers, for FIFO ties
     * @param task          what to run
     * @param loop          the loop whose heap holds this timer: {@link #cancel()} tells it
     */
    public Timer(long deadlineNanos, long sequence, Runnable task, EventLoopBase loop) {
        this.deadlineNanos = deadlineNanos;
        this.sequence = sequence;
        this.task = task;
        this.loop = Objects.requireNonNull(loop,
                "a Timer needs the loop whose heap holds it: new Timer(deadline, sequence, task, this) in callLater");
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

    /**
     * Stops the timer from running, if it has not run yet, and tells its loop one more of its
     * timers is cancelled. Safe from any thread; cancelling twice, or after the timer ran, does
     * nothing.
     */
    public void cancel() {
        if (state.compareAndSet(WAITING, CANCELLED)) {
            loop.timerCancelled();
        }
    }

    public boolean isCancelled() {
        return state.get() == CANCELLED;
    }

    @Override
    public void run() {
        if (state.compareAndSet(WAITING, RAN)) {
            task.run();
        }
    }

    @Override
    public String toString() {
        return "timer #" + sequence + " (" + EventLoopBase.describe(task) + ")";
    }
}
