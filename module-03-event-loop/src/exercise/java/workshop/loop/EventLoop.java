package workshop.loop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * YOUR ROOM: the scheduling half of the event loop, the part that decides what runs next.
 *
 * <p>The loop is one thread that never blocks on anything but its selector. Everything it does
 * is a short task: read what a socket has, run a handler until it waits, fire a timer, write an
 * answer. A task that "waits" does not sleep: it leaves a timer or a future behind and returns,
 * and the loop runs the next ready task. {@link EventLoopBase} (given) owns the thread, the
 * selector and the I/O; it calls your {@link #runOnce()} in a loop until {@code close()}.
 *
 * <p>The fields below are ready for you. The ones marked "loop thread only" are plain,
 * unsynchronized collections: only the loop thread may touch them, which is what makes the
 * loop fast and simple.
 */
public final class EventLoop extends EventLoopBase {
    /** Tasks ready to run, oldest first. Loop thread only. */
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    /** Timers, earliest deadline on top (see {@link #earlierFirst}). Loop thread only. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(EventLoop::earlierFirst);
    /** Numbers timers in the order they were scheduled, for FIFO ties. Loop thread only. */
    private long nextSequence;
    /** Tasks handed in by other threads; the loop moves them to {@link #ready} at the start of a turn. */
    private final ConcurrentLinkedQueue<Runnable> submissions = new ConcurrentLinkedQueue<>();
    /** True once someone has woken the selector for submissions the loop has not taken yet. */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();

    // ---- 3.1 the ready queue -----------------------------------------------------------------

    /**
     * 3.1 Queues {@code task} on the {@link #ready} queue, behind the tasks already there; it runs
     * in a later {@link #runReady()}, on the loop thread. It does not run the task.
     * asyncio's twin: {@code loop.call_soon(callback)}.
     *
     * <p>Only the loop thread may call this once the loop runs; another thread must get a clear
     * error (the given {@code checkLoopThread(name)} throws one) and use {@link #execute} instead.
     * (asyncio checks the thread only in debug mode.)
     */
    @Override
    public void callSoon(Runnable task) {
        throw new UnsupportedOperationException(
                "TODO 3.1: append the task to the ready queue in callSoon() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.1)");
    }

    /**
     * 3.1 Runs the tasks that were ready when it was called, oldest first, each through the given
     * {@code runTask(task)} (it times the task, reports a slow one, and keeps one that throws from
     * stopping the others).
     *
     * <p>A task queued while it runs (a task that calls {@link #callSoon} again, say) waits for the
     * next call: otherwise one task that keeps queuing itself would keep the loop from ever looking
     * at its sockets again.
     */
    void runReady() {
        throw new UnsupportedOperationException(
                "TODO 3.1: run the tasks that were ready when the method started in runReady() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.1)");
    }

    // ---- 3.2 the timer heap ------------------------------------------------------------------

    /**
     * 3.2 The order of the timer heap, as a {@link java.util.Comparator} would say it: negative when
     * {@code a} is due before {@code b}, positive when after. The earlier
     * {@link Timer#deadlineNanos()} first; on equal deadlines, the smaller {@link Timer#sequence()}
     * (scheduled first, fires first).
     *
     * <p>Deadlines are {@link System#nanoTime()} values, which may wrap around past
     * {@link Long#MAX_VALUE}: the order must still hold for two deadlines either side of the wrap.
     */
    static int earlierFirst(Timer a, Timer b) {
        throw new UnsupportedOperationException(
                "TODO 3.2: order timers by deadline, then by sequence in earlierFirst() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.2)");
    }

    /**
     * 3.2 Schedules {@code task} to run on the loop thread once {@code delay} has passed, and
     * returns its {@link Timer}, so the caller can {@link Timer#cancel()} it. The timer waits in
     * {@link #timers}; its deadline is on the {@link System#nanoTime()} clock, its sequence number
     * comes from {@link #nextSequence} (timers are numbered in the order they are scheduled), and it
     * belongs to this loop, which it tells when it is cancelled (step 3.5 counts on that).
     * Loop thread only. asyncio's twin: {@code loop.call_later(delay, callback)}.
     */
    @Override
    public Timer callLater(Duration delay, Runnable task) {
        throw new UnsupportedOperationException(
                "TODO 3.2: push a new Timer on the timer heap in callLater() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.2)");
    }

    /**
     * 3.2 Moves every timer whose deadline is at or before {@code nowNanos} from the heap to the
     * ready queue, earliest first; timers due later stay in the heap. A cancelled timer leaves the
     * heap without running.
     */
    void moveDueTimers(long nowNanos) {
        throw new UnsupportedOperationException(
                "TODO 3.2: move the due timers to the ready queue in moveDueTimers() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.2)");
    }

    // ---- 3.3 sleep ---------------------------------------------------------------------------

    /**
     * 3.3 The kit's {@code asyncio.sleep}: returns a new {@link CompletableFuture} at once, which a
     * timer of this loop completes once {@code delay} has passed. So it completes on the loop thread,
     * and the code chained to it ({@code thenApply}, ...) runs there too. No thread sleeps.
     *
     * <p>Cancelling the returned future cancels its timer, as module 02's {@code AsyncSleep}
     * cancels its alarm and asyncio's sleep its {@code TimerHandle}. (Cancelling a timer that has
     * already run does nothing.)
     */
    @Override
    public CompletableFuture<Void> sleep(Duration delay) {
        throw new UnsupportedOperationException(
                "TODO 3.3: return a future that a timer completes in sleep() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.3)");
    }

    // ---- 3.4 work from other threads ---------------------------------------------------------

    /**
     * 3.4 Hands {@code task} to the loop from <em>any</em> thread (this makes the loop an
     * {@link java.util.concurrent.Executor}). asyncio's twin: {@code loop.call_soon_threadsafe}.
     *
     * <p>On the loop thread, it is queued like {@link #callSoon}. From another thread, it waits in
     * {@link #submissions} until the loop takes it in, and the selector, which may be blocked with
     * nothing to do, must be woken ({@code wakeupSelector()}, given): once per batch, not once per
     * task. A thousand tasks handed in before the loop takes them in need one wake-up;
     * {@link #wakeupPending} says whether one is already on its way.
     */
    @Override
    public void execute(Runnable task) {
        throw new UnsupportedOperationException(
                "TODO 3.4: queue the task and wake the selector in execute() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.4)");
    }

    /**
     * 3.4 Moves everything in {@link #submissions} to the ready queue, and lets the next submission
     * wake the selector again. No wake-up may be lost: a task handed in at any moment, even while
     * this method runs, is either moved by it or wakes the selector, never left waiting, forgotten,
     * until some I/O happens.
     */
    void takeSubmissions() {
        throw new UnsupportedOperationException(
                "TODO 3.4: move the submitted tasks to the ready queue in takeSubmissions() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.4)");
    }

    // ---- 3.5 one turn ------------------------------------------------------------------------

    /**
     * 3.5 How long the next select may block, in milliseconds:
     * <ul>
     *   <li>{@link #NO_WAIT} when a task is ready (it must not wait for I/O);</li>
     *   <li>{@link #FOREVER} when there is no timer (only I/O or {@link #execute} can bring work);</li>
     *   <li>otherwise the time until the earliest live timer, rounded <em>up</em> to whole
     *       milliseconds ({@link #NO_WAIT} if it is already due). Rounding down would wake the
     *       loop a little early, find nothing due, and spin.</li>
     * </ul>
     * Cancelled timers are cleared out of the way first, as asyncio's {@code _run_once} does: when
     * the heap holds more than {@link #REBUILD_MIN_TIMERS} timers and over half of them are
     * cancelled ({@code cancelledTimers()}, given, counts them), the heap is rebuilt from the live
     * ones and the count starts again ({@code resetCancelledTimers()}, given); otherwise the
     * cancelled ones on top are dropped, so they do not cut the wait short.
     */
    long selectTimeoutMillis(long nowNanos) {
        throw new UnsupportedOperationException(
                "TODO 3.5: compute how long select may block in selectTimeoutMillis() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.5)");
    }

    /**
     * 3.5 One turn of the loop, the five steps of the README's diagram, in this order:
     * <ol>
     *   <li>take in the tasks other threads submitted ({@link #takeSubmissions});</li>
     *   <li>work out how long select may wait ({@link #selectTimeoutMillis});</li>
     *   <li>wait for I/O and queue the handler of every ready channel ({@code handleIo(timeout)}, given);</li>
     *   <li>move the timers that are due to the ready queue ({@link #moveDueTimers});</li>
     *   <li>run what is ready ({@link #runReady}).</li>
     * </ol>
     */
    @Override
    protected void runOnce() {
        throw new UnsupportedOperationException(
                "TODO 3.5: write one turn of the loop in runOnce() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.5)");
    }

    // ---- given ------------------------------------------------------------------------------

    /** How many timers the heap holds, cancelled ones included. Given: the tests of 3.5 read it. */
    int timersInHeap() {
        return timers.size();
    }
}
