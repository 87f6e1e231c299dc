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
     * 3.1 Appends {@code task} to the {@link #ready} queue; it runs later in this turn or the next.
     * asyncio's twin: {@code loop.call_soon(callback)}.
     *
     * <p>Only the loop thread may call this: start with {@code checkLoopThread("callSoon")}
     * (given), which throws a helpful error when another thread tries. (asyncio checks the
     * thread only in debug mode.)
     */
    @Override
    public void callSoon(Runnable task) {
        throw new UnsupportedOperationException(
                "TODO 3.1: append the task to the ready queue in callSoon() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.1)");
    }

    /**
     * 3.1 Runs the tasks that are ready <em>now</em>, in order, each with {@code runTask(task)}
     * (given: it times the task and reports it if it is slow).
     *
     * <p>Count the ready tasks first and run only that many: a task that calls
     * {@link #callSoon} again must wait for the next turn, or it could keep the loop from ever
     * looking at its sockets again.
     */
    void runReady() {
        throw new UnsupportedOperationException(
                "TODO 3.1: run the tasks that were ready when the method started in runReady() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.1)");
    }

    // ---- 3.2 the timer heap ------------------------------------------------------------------

    /**
     * 3.2 The order of the timer heap: the earlier {@link Timer#deadlineNanos()} first; on equal
     * deadlines, the smaller {@link Timer#sequence()} (scheduled first, fires first).
     *
     * <p>{@link System#nanoTime()} values may overflow, so compare {@code a - b} with 0 rather
     * than {@code a} with {@code b}.
     */
    static int earlierFirst(Timer a, Timer b) {
        throw new UnsupportedOperationException(
                "TODO 3.2: order timers by deadline, then by sequence in earlierFirst() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.2)");
    }

    /**
     * 3.2 Schedules {@code task} to run once {@code delay} has passed: build a
     * {@code new Timer(deadline, nextSequence++, task, this)} with the deadline on the
     * {@link System#nanoTime()} clock, push it on {@link #timers} and return it, so the caller
     * can {@link Timer#cancel()} it (the timer tells {@code this} loop when it is cancelled).
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
     * ready queue, earliest first. A cancelled timer is simply dropped.
     */
    void moveDueTimers(long nowNanos) {
        throw new UnsupportedOperationException(
                "TODO 3.2: move the due timers to the ready queue in moveDueTimers() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.2)");
    }

    // ---- 3.3 sleep ---------------------------------------------------------------------------

    /**
     * 3.3 The kit's {@code asyncio.sleep}: returns a new {@link CompletableFuture} at once and
     * completes it from a timer ({@link #callLater}), so it completes on the loop thread and the
     * code chained to it ({@code thenApply}, ...) runs there too. No thread sleeps.
     *
     * <p>Cancelling the returned future cancels the timer, as module 02's {@code AsyncSleep}
     * cancels its alarm and asyncio's sleep its {@code TimerHandle}: when the future completes in
     * any way ({@code whenComplete}), cancel the timer. Cancelling a timer that has already run
     * does nothing.
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
     * <p>On the loop thread, queue it like {@link #callSoon}. From another thread, add it to
     * {@link #submissions}, then wake the selector with {@code wakeupSelector()} (given), which
     * may be blocked with nothing to do. Wake it only if {@link #wakeupPending} was false
     * ({@code compareAndSet}): a thousand tasks need one wake-up, not a thousand.
     */
    @Override
    public void execute(Runnable task) {
        throw new UnsupportedOperationException(
                "TODO 3.4: queue the task and wake the selector in execute() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.4)");
    }

    /**
     * 3.4 Moves everything in {@link #submissions} to the ready queue. Clear
     * {@link #wakeupPending} <em>before</em> you drain, so that a task added after the drain
     * wakes the selector again (otherwise it could wait, forgotten, until some I/O happens).
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
     * Clear cancelled timers out of the way first, as asyncio's {@code _run_once} does: when the
     * heap holds more than {@link #REBUILD_MIN_TIMERS} timers and over half of them are cancelled
     * ({@code cancelledTimers()}, given, counts them), rebuild it from the live ones
     * ({@code timers.removeIf(Timer::isCancelled)}) and start the count again
     * ({@code resetCancelledTimers()}); otherwise drop the cancelled ones on top, so they do not
     * cut the wait short.
     */
    long selectTimeoutMillis(long nowNanos) {
        throw new UnsupportedOperationException(
                "TODO 3.5: compute how long select may block in selectTimeoutMillis() in "
                        + "src/exercise/java/workshop/loop/EventLoop.java (README.md, step 3.5)");
    }

    /**
     * 3.5 One turn of the loop, in five steps that read as a story:
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
