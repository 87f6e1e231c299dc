package workshop.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The given half of the event loop: the thread, the {@link Selector} and its I/O plumbing,
 * slow-callback detection, trace mode and a {@link #close()} that leaves nothing behind.
 *
 * <p>The scheduling half, the part that decides <em>what runs next</em>, is yours:
 * {@link EventLoop} in {@code src/exercise/java}. This class calls it in one place,
 * {@link #runForever()}, which is just {@code while (!closing) runOnce();}.
 */
public abstract class EventLoopBase implements Executor, AutoCloseable {
    /** {@link EventLoop#selectTimeoutMillis(long)} result: do not block at all, only poll ({@link Selector#selectNow()}). */
    public static final long NO_WAIT = 0;
    /** {@link EventLoop#selectTimeoutMillis(long)} result: block until I/O arrives or someone calls {@link Selector#wakeup()}. */
    public static final long FOREVER = -1;
    /**
     * How long a task may hold the loop thread before it is reported: asyncio's
     * {@code slow_callback_duration}, 0.1 s. asyncio checks only in debug mode; this loop always does.
     */
    public static final Duration DEFAULT_SLOW_CALLBACK = Duration.ofMillis(100);
    /**
     * Step 3.5 rebuilds the timer heap only when it holds more than this many timers and over half
     * of them are cancelled: asyncio's {@code _MIN_SCHEDULED_TIMER_HANDLES} and
     * {@code _MIN_CANCELLED_TIMER_HANDLES_FRACTION} (0.5).
     */
    public static final int REBUILD_MIN_TIMERS = 100;

    private static final AtomicInteger LOOP_NUMBER = new AtomicInteger();

    private final Selector selector;
    private final Thread thread;
    private final long origin = System.nanoTime();
    private final List<SlowCallback> slowCallbacks = new CopyOnWriteArrayList<>();
    private final List<Consumer<SlowCallback>> slowCallbackListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong wakeups = new AtomicLong();
    private final AtomicLong ioSteps = new AtomicLong();
    private final AtomicLong cancelledTimers = new AtomicLong();
    private volatile long slowCallbackNanos = DEFAULT_SLOW_CALLBACK.toNanos();
    private volatile boolean printReports = true;
    private volatile Consumer<String> traceSink;
    private volatile boolean closing;
    private volatile boolean started;
    private volatile boolean blockedInSelect;
    private volatile Throwable failure;

    protected EventLoopBase() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        thread = Thread.ofPlatform().name("event-loop-" + LOOP_NUMBER.getAndIncrement()).unstarted(this::runForever);
    }

    // ---- the part you write in EventLoop -------------------------------------------------

    /** Runs {@code task} on the loop thread, in a later step of the current or the next turn. */
    public abstract void callSoon(Runnable task);

    /** Runs {@code task} on the loop thread after {@code delay}; the returned timer can be cancelled. */
    public abstract Timer callLater(Duration delay, Runnable task);

    /** A future the loop completes, on its own thread, once {@code delay} has passed. */
    public abstract CompletableFuture<Void> sleep(Duration delay);

    /** Runs {@code task} on the loop thread; safe to call from any thread. */
    @Override
    public abstract void execute(Runnable task);

    /** One turn of the loop. */
    protected abstract void runOnce();

    // ---- life cycle -----------------------------------------------------------------------

    /** Starts the loop thread; from now on only that thread may touch the loop's queues. */
    public EventLoopBase start() {
        started = true;
        thread.start();
        return this;
    }

    /** The loop itself: turn after turn until {@link #close()}, then release every channel. */
    private void runForever() {
        try {
            while (!closing) {
                runOnce();
            }
        } catch (Throwable t) {
            failure = t; // kept for callers (see runOnLoop) so a dead loop explains itself
            report(thread.getName() + " stopped: " + t);
        } finally {
            releaseChannels();
        }
    }

    /** Stops the loop, waits for its thread to end, and closes the selector and every channel on it. */
    @Override
    public void close() {
        closing = true;
        if (!started) {
            releaseChannels();
            return;
        }
        selector.wakeup();
        if (isLoopThread()) {
            return; // the loop ends after this turn and releases everything itself
        }
        try {
            if (!thread.join(Duration.ofSeconds(10))) {
                throw new IllegalStateException(thread.getName() + " did not stop within 10 s: a task is blocking it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void releaseChannels() {
        try {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key.channel());
            }
            selector.close();
        } catch (ClosedSelectorException | IOException ignored) {
            // already closed: nothing left to release
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing on the way out; there is nobody left to tell
        }
    }

    public boolean isClosing() {
        return closing;
    }

    /** True on the loop's own thread: the only thread allowed to touch its queues and channels. */
    public boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** The name of the loop thread, as it appears in timelines and traces. */
    public String threadName() {
        return thread.getName();
    }

    /** Whether the loop thread is alive (false before {@link #start()} and after {@link #close()}). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** What killed the loop thread, or {@code null} while it is healthy. */
    public Throwable failure() {
        return failure;
    }

    /**
     * Fails fast when a loop-only method is called from another thread while the loop runs.
     * Before {@link #start()} the caller is the only thread, so tests may drive the loop by hand.
     */
    protected void checkLoopThread(String method) {
        if (started && !isLoopThread()) {
            throw new IllegalStateException(method + "() called from thread " + Thread.currentThread().getName()
                    + ", but only " + thread.getName() + " may call it: use execute() from other threads");
        }
    }

    /** Runs {@code work} on the loop thread and waits (at most 10 s) for its result. */
    public <T> T runOnLoop(Callable<T> work) {
        if (isLoopThread() || !started) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        if (!thread.isAlive()) {
            throw new IllegalStateException(thread.getName() + " is not running"
                    + (failure != null ? ": it stopped with " + failure : ""), failure);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the loop did not run the task within 10 s"
                    + (failure != null ? "; the loop thread stopped: " + failure : ""), failure != null ? failure : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the loop", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    // ---- I/O plumbing ---------------------------------------------------------------------

    /**
     * Watches {@code channel} for {@code ops}; when it is ready, {@code handler} is put on the
     * ready queue (with {@link #callSoon}) and reads {@code key.readyOps()} when it runs. Loop thread only.
     */
    public SelectionKey register(SelectableChannel channel, int ops, Runnable handler) throws IOException {
        checkLoopThread("register");
        channel.configureBlocking(false);
        return channel.register(selector, ops, handler);
    }

    /**
     * The I/O step of a turn: waits for ready channels as long as {@code timeoutMillis} says
     * ({@link #NO_WAIT}, {@link #FOREVER} or a number of milliseconds) and queues the handler of
     * every channel that is ready. The handlers run later in the turn, with the other ready tasks.
     */
    protected void handleIo(long timeoutMillis) {
        ioSteps.incrementAndGet();
        try {
            if (timeoutMillis == NO_WAIT) {
                selector.selectNow(this::queueHandler);
            } else {
                blockedInSelect = true;
                try {
                    selector.select(this::queueHandler, timeoutMillis == FOREVER ? 0 : timeoutMillis);
                } finally {
                    blockedInSelect = false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("select failed", e);
        }
    }

    private void queueHandler(SelectionKey key) {
        callSoon((Runnable) key.attachment());
    }

    /**
     * Makes a blocked (or the next) select return at once. The selector itself merges every call
     * made between two selects into one write to its eventfd or pipe, but each call takes the
     * selector's wake-up lock. Counted, so tests can see how many wake-ups the loop asked for.
     */
    protected void wakeupSelector() {
        wakeups.incrementAndGet();
        selector.wakeup();
    }

    /** How many times {@link #wakeupSelector()} was called. */
    public long wakeups() {
        return wakeups.get();
    }

    /** How many I/O steps ({@link #handleIo} calls) the loop has taken: one a turn. Tests use it to catch a turn that skips its I/O. */
    public long ioSteps() {
        return ioSteps.get();
    }

    /** True while the loop thread sits in a blocking select (tests use it to catch the loop asleep). */
    public boolean isBlockedInSelect() {
        return blockedInSelect;
    }

    // ---- cancelled timers -----------------------------------------------------------------

    /** {@link Timer#cancel()} calls this, from any thread: one more of this loop's timers is cancelled. */
    void timerCancelled() {
        cancelledTimers.incrementAndGet();
    }

    /**
     * How many of this loop's timers were cancelled since the last {@link #resetCancelledTimers()}:
     * at most that many cancelled timers wait in the heap, fewer once some reached the top and were
     * dropped. asyncio's count, {@code _timer_cancelled_count}, is a little sharper: it also takes
     * one off for every cancelled timer it drops from the top. Ours may only make a rebuild come a
     * little early.
     */
    protected long cancelledTimers() {
        return cancelledTimers.get();
    }

    /** Starts the count of cancelled timers again from 0: call it once the heap has been rebuilt without them. */
    protected void resetCancelledTimers() {
        cancelledTimers.set(0);
    }

    // ---- running one task -----------------------------------------------------------------

    /**
     * Runs one task on the loop thread: a task that throws is reported and the loop goes on, and a
     * task that holds the thread longer than the threshold is reported as a slow callback.
     */
    protected void runTask(Runnable task) {
        if (task == null) {
            throw new IllegalStateException("runTask(null): runReady took one task more than the ready queue held (its poll()"
                    + " gives null once the queue is empty): run exactly the tasks that were ready when runReady started"
                    + " (README.md, step 3.1)");
        }
        Consumer<String> sink = traceSink;
        if (sink != null && task instanceof Timer timer) {
            trace("timer fired: " + timer);
        }
        long start = System.nanoTime();
        try {
            task.run();
        } catch (Throwable t) {
            report(thread.getName() + ": task " + describe(task) + " threw " + t);
        }
        long took = System.nanoTime() - start;
        if (took >= slowCallbackNanos) {
            reportSlowCallback(new SlowCallback(describe(task), took / 1_000_000.0));
        }
    }

    private void reportSlowCallback(SlowCallback slow) {
        slowCallbacks.add(slow);
        report(String.format("%s: slow callback %s held the loop for %.0f ms (threshold %d ms)",
                thread.getName(), slow.name(), slow.durationMs(), slowCallbackNanos / 1_000_000));
        slowCallbackListeners.forEach(listener -> listener.accept(slow));
    }

    /** A task's name for reports: its own {@code toString()}, or where a lambda was written. */
    static String describe(Runnable task) {
        if (task instanceof Timer timer) {
            return describe(timer.task());
        }
        String text = task.toString();
        int lambda = text.indexOf("$$Lambda");
        return lambda < 0 ? text : "lambda in " + text.substring(0, lambda);
    }

    /** Sets how long a task may run before it is reported (default 100 ms). */
    public void slowCallbackThreshold(Duration threshold) {
        slowCallbackNanos = threshold.toNanos();
    }

    /** How long a task may run before it is reported. */
    public Duration slowCallbackThreshold() {
        return Duration.ofNanos(slowCallbackNanos);
    }

    /**
     * Whether the loop prints what goes wrong to standard error as it happens: a slow callback, a
     * task that threw, the loop stopping (on by default; asyncio logs a callback that threw
     * always, a slow one only in debug mode). A caller that reports them itself, such as the race,
     * turns it off.
     */
    public void printReports(boolean print) {
        printReports = print;
    }

    private void report(String line) {
        if (printReports) {
            System.err.println(line);
        }
    }

    /** Every slow callback seen so far, oldest first. */
    public List<SlowCallback> slowCallbacks() {
        return List.copyOf(slowCallbacks);
    }

    /** Calls {@code listener} (on the loop thread) for every slow callback from now on. */
    public void onSlowCallback(Consumer<SlowCallback> listener) {
        slowCallbackListeners.add(listener);
    }

    // ---- trace mode -----------------------------------------------------------------------

    /** Prints every step (accept, read, handler, timer, write) to standard output. */
    public void traceToStdout() {
        traceTo(System.out::println);
    }

    /** Sends every trace line to {@code sink}; {@code null} turns tracing off. */
    public void traceTo(Consumer<String> sink) {
        traceSink = sink;
    }

    /** True when trace mode is on: callers check it first so tracing costs nothing when off. */
    public boolean tracing() {
        return traceSink != null;
    }

    /** Writes one trace line, stamped with the time since the loop was created and the thread. */
    public void trace(String event) {
        Consumer<String> sink = traceSink;
        if (sink != null) {
            sink.accept(String.format("%9.3f ms  [%s]  %s", (System.nanoTime() - origin) / 1_000_000.0,
                    Thread.currentThread().getName(), event));
        }
    }
}
