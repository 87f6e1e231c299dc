package workshop.loop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SOLUTION: the scheduling half of the event loop. One turn ({@link #runOnce()}) takes in work
 * from other threads, waits for I/O no longer than the next timer allows, moves due timers to the
 * ready queue and runs what was ready.
 */
public final class EventLoop extends EventLoopBase {
    /** Tasks ready to run, oldest first. Loop thread only. */
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    /** Timers, earliest deadline on top. Loop thread only. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(EventLoop::earlierFirst);
    /** Numbers timers in the order they were scheduled, for FIFO ties. Loop thread only. */
    private long nextSequence;
    /** Tasks handed in by other threads; the loop moves them to {@link #ready} at the start of a turn. */
    private final ConcurrentLinkedQueue<Runnable> submissions = new ConcurrentLinkedQueue<>();
    /** True once someone has woken the selector for submissions the loop has not taken yet. */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();

    // ---- 3.1 the ready queue -----------------------------------------------------------------

    /** 3.1 Appends {@code task} to the ready queue. */
    @Override
    public void callSoon(Runnable task) {
        checkLoopThread("callSoon");
        ready.add(task);
    }

    /** 3.1 Runs the tasks that are ready now; tasks they add wait for the next turn. */
    void runReady() {
        int readyNow = ready.size(); // counted first, so a task that re-queues itself cannot starve I/O
        for (int i = 0; i < readyNow; i++) {
            runTask(ready.poll());
        }
    }

    // ---- 3.2 the timer heap ------------------------------------------------------------------

    /** 3.2 Earlier deadline first; on equal deadlines, the one scheduled first. */
    static int earlierFirst(Timer a, Timer b) {
        int byDeadline = Long.compare(a.deadlineNanos() - b.deadlineNanos(), 0); // overflow-safe for nanoTime
        return byDeadline != 0 ? byDeadline : Long.compare(a.sequence(), b.sequence());
    }

    /** 3.2 Schedules {@code task} to run once {@code delay} has passed. */
    @Override
    public Timer callLater(Duration delay, Runnable task) {
        checkLoopThread("callLater");
        Timer timer = new Timer(System.nanoTime() + delay.toNanos(), nextSequence++, task, this);
        timers.add(timer);
        return timer;
    }

    /** 3.2 Moves every timer whose deadline has come to the ready queue; drops cancelled ones. */
    void moveDueTimers(long nowNanos) {
        while (!timers.isEmpty() && timers.peek().deadlineNanos() - nowNanos <= 0) {
            Timer due = timers.poll();
            if (!due.isCancelled()) {
                ready.add(due);
            }
        }
    }

    // ---- 3.3 sleep ---------------------------------------------------------------------------

    /** 3.3 A future completed by a timer, on the loop thread, once {@code delay} has passed; cancelling it cancels the timer. */
    @Override
    public CompletableFuture<Void> sleep(Duration delay) {
        // WRONG: the JDK's delay thread waits, and the common pool (not the loop) completes the future
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    // ---- 3.4 work from other threads ---------------------------------------------------------

    /** 3.4 Hands {@code task} to the loop from any thread, waking the selector once. */
    @Override
    public void execute(Runnable task) {
        if (isLoopThread()) {
            ready.add(task);
            return;
        }
        submissions.add(task);
        if (wakeupPending.compareAndSet(false, true)) { // one wake-up per batch, not one per task
            wakeupSelector();
        }
    }

    /** 3.4 Moves the tasks other threads handed in to the ready queue. */
    void takeSubmissions() {
        wakeupPending.set(false); // cleared before draining: a task added after this wakes us again
        Runnable task;
        while ((task = submissions.poll()) != null) {
            ready.add(task);
        }
    }

    // ---- 3.5 one turn ------------------------------------------------------------------------

    /** 3.5 How long the next select may block: not at all, until the next timer, or forever. */
    long selectTimeoutMillis(long nowNanos) {
        dropCancelledTimers();
        if (!ready.isEmpty()) {
            return NO_WAIT;
        }
        Timer next = timers.peek();
        if (next == null) {
            return FOREVER;
        }
        long nanos = next.deadlineNanos() - nowNanos;
        if (nanos <= 0) {
            return NO_WAIT;
        }
        return (nanos + 999_999) / 1_000_000; // rounded up: waking before the deadline would spin
    }

    /** 3.5 Rebuilds the heap without its cancelled timers when they are over half of more than 100; else drops those on top. */
    private void dropCancelledTimers() {
        if (timers.size() > REBUILD_MIN_TIMERS && cancelledTimers() * 2 > timers.size()) {
            timers.removeIf(Timer::isCancelled); // one pass over the heap, then PriorityQueue re-heapifies
            resetCancelledTimers();
        } else {
            while (!timers.isEmpty() && timers.peek().isCancelled()) {
                timers.poll();
            }
        }
    }

    /** 3.5 One turn of the loop, told as a story. */
    @Override
    protected void runOnce() {
        takeSubmissions();
        long timeout = selectTimeoutMillis(System.nanoTime());
        handleIo(timeout);
        moveDueTimers(System.nanoTime());
        runReady();
    }

    // ---- given ------------------------------------------------------------------------------

    /** How many timers the heap holds, cancelled ones included. Given: the tests of 3.5 read it. */
    int timersInHeap() {
        return timers.size();
    }
}
