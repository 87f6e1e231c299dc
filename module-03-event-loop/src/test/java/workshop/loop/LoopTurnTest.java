package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@Tag("step-3.5")
@DisplayName("3.5 one turn: the select timeout, then the loop on its own thread")
class LoopTurnTest {
    private static final long MS = 1_000_000;

    @Test
    @DisplayName("3.5 the select timeout: 0 with ready work, forever with no timer, else the next deadline rounded up")
    void selectTimeout() {
        EarlierSteps.mustBeGreen("3.5", "schedules timers and queues a task", "3.1", "3.2");
        try (EventLoop loop = new EventLoop()) {
            long now = System.nanoTime();
            assertThat(loop.selectTimeoutMillis(now)).as("selectTimeoutMillis with nothing to do: block until I/O or"
                    + " execute() wakes the loop, FOREVER (README.md, step 3.5)").isEqualTo(EventLoopBase.FOREVER);

            Timer timer = loop.callLater(Duration.ofSeconds(60), () -> { });
            long deadline = timer.deadlineNanos();
            assertThat(loop.selectTimeoutMillis(deadline - 3 * MS / 2 - 1)).as("selectTimeoutMillis 1.5 ms and a bit before:"
                    + " round up, or the loop wakes before the deadline, finds nothing due and spins (README.md, step 3.5)")
                    .isEqualTo(2);
            assertThat(loop.selectTimeoutMillis(deadline - 3 * MS)).as("selectTimeoutMillis exactly 3 ms before the deadline"
                    + " (README.md, step 3.5)").isEqualTo(3);
            assertThat(loop.selectTimeoutMillis(deadline - 1)).as("selectTimeoutMillis 1 ns before the deadline: still wait"
                    + " 1 ms, not 0 (README.md, step 3.5)").isEqualTo(1);
            assertThat(loop.selectTimeoutMillis(deadline)).as("selectTimeoutMillis at the deadline: due now, do not block"
                    + " (README.md, step 3.5)").isEqualTo(EventLoopBase.NO_WAIT);
            assertThat(loop.selectTimeoutMillis(deadline + 5 * MS)).as("selectTimeoutMillis 5 ms past the deadline: overdue,"
                    + " do not block (README.md, step 3.5)").isEqualTo(EventLoopBase.NO_WAIT);

            Timer sooner = loop.callLater(Duration.ofSeconds(1), () -> { });
            sooner.cancel();
            assertThat(loop.selectTimeoutMillis(deadline - 10_000 * MS)).as("selectTimeoutMillis 10 s before the live timer's"
                    + " deadline, with a cancelled one due sooner: a cancelled timer must not cut the wait (README.md, step 3.5)")
                    .isEqualTo(10_000);

            loop.callSoon(() -> { });
            assertThat(loop.selectTimeoutMillis(deadline - 10_000 * MS)).as("selectTimeoutMillis when a task is ready: do not"
                    + " wait for I/O, a ready task runs in this turn (README.md, step 3.5)").isEqualTo(EventLoopBase.NO_WAIT);
            System.out.println("3.5 select timeout: no timer -> FOREVER (-1); next deadline in 1.5 ms + 1 ns -> 2 ms, "
                    + "in 3 ms -> 3 ms, in 1 ns -> 1 ms, due or overdue -> NO_WAIT (0); a cancelled timer 1 s away "
                    + "leaves a 10 s wait at 10000 ms; a task ready -> NO_WAIT (0)");
        }
    }

    @Test
    @DisplayName("3.5 execute() from another thread wakes a loop blocked in select")
    void executeWakesABlockedSelect() {
        EarlierSteps.mustBeGreen("3.5", "runs your loop on its own thread and hands it a task", "3.1", "3.2", "3.4");
        try (EventLoop loop = new EventLoop()) {
            loop.start();
            awaitBlockedInSelect(loop); // idle: no timer, no I/O

            CompletableFuture<String> ranOn = new CompletableFuture<>();
            loop.execute(() -> ranOn.complete(Thread.currentThread().getName()));

            awaitOnLoop(loop, "the task handed in with execute() to run", Duration.ofSeconds(3), ranOn::isDone,
                    () -> "it had not run, and the loop thread is " + whereIs(loop) + ": a loop blocked forever in select must"
                            + " be woken by execute() (wakeupSelector()), and runOnce must take the submissions in (README.md,"
                            + " steps 3.4 and 3.5)");
            assertThat(ranOn.join()).as("the thread the task handed in with execute() ran on").isEqualTo(loop.threadName());
        }
    }

    @Test
    @DisplayName("3.5 on a running loop, timers fire on the loop thread in deadline order with FIFO ties")
    void timersOnARunningLoop() {
        EarlierSteps.mustBeGreen("3.5", "runs timers on your loop's own thread", "3.1", "3.2", "3.4");
        try (EventLoop loop = new EventLoop()) {
            loop.start();
            List<String> fired = new CopyOnWriteArrayList<>();
            List<String> threads = new CopyOnWriteArrayList<>();
            loop.execute(() -> {
                int[] delays = {300, 100, 200, 100, 0, 200}; // gaps wide enough for a busy machine
                for (int i = 0; i < delays.length; i++) {
                    String name = delays[i] + "ms#" + i;
                    loop.callLater(Duration.ofMillis(delays[i]), () -> {
                        fired.add(name);
                        threads.add(Thread.currentThread().getName());
                    });
                }
            });

            awaitOnLoop(loop, "all 6 timers, due within 300 ms, to fire", Duration.ofSeconds(3), () -> fired.size() == 6,
                    () -> fired.size() + " fired " + fired + ", and the loop thread is " + whereIs(loop) + ": select may"
                            + " block only until the next timer's deadline (selectTimeoutMillis), and every turn moves the"
                            + " due timers to the ready queue (README.md, step 3.5)");
            assertThat(fired).as("the order the timers of 300, 100, 200, 100, 0, 200 ms fired in on a running loop: deadline"
                    + " order, equal deadlines first come, first served (README.md, steps 3.2 and 3.5)")
                    .containsExactly("0ms#4", "100ms#1", "100ms#3", "200ms#2", "200ms#5", "300ms#0");
            assertThat(threads).as("the threads the timers fired on").containsOnly(loop.threadName());
            System.out.println("3.5 timers of 300, 100, 200, 100, 0, 200 ms fired as " + fired + ", all on " + loop.threadName());
        }
    }

    @Test
    @DisplayName("3.5 sleep completes on the loop thread, and its chained code runs there")
    void sleepCompletesOnTheLoopThread() {
        EarlierSteps.mustBeGreen("3.5", "sleeps on your loop's own thread", "3.1", "3.2", "3.3", "3.4");
        try (EventLoop loop = new EventLoop()) {
            loop.start();
            CompletableFuture<String> thread = new CompletableFuture<>();
            loop.execute(() -> loop.sleep(Duration.ofMillis(20))
                    .thenRun(() -> thread.complete(Thread.currentThread().getName())));

            awaitOnLoop(loop, "the code chained to sleep(20 ms) to run", Duration.ofSeconds(2), thread::isDone,
                    () -> "it had not run, and the loop thread is " + whereIs(loop) + ": a turn with a task ready must not"
                            + " wait for I/O (NO_WAIT), and select may block only until the next timer's deadline (README.md,"
                            + " step 3.5)");
            assertThat(thread.join()).as("the thread the code chained to sleep ran on: the loop's own, since a timer of the"
                    + " loop completed the future (README.md, step 3.3)").isEqualTo(loop.threadName());
        }
    }

    @Test
    @DisplayName("3.5 a task that re-queues itself forever does not starve sockets, timers or other work")
    void noStarvation() throws Exception {
        EarlierSteps.mustBeGreen("3.5", "runs tasks, a timer and a socket on your loop's own thread", "3.1", "3.2", "3.4");
        runReadyMustLeaveNewTasksForTheNextTurn();
        AtomicBoolean spinning = new AtomicBoolean(true);
        AtomicLong spins = new AtomicLong();
        try (ServerSocketChannel server = ServerSocketChannel.open(); EventLoop loop = new EventLoop()) {
            try {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                loop.start();
                CompletableFuture<Void> accepted = new CompletableFuture<>();
                loop.execute(() -> {
                    try {
                        loop.register(server, SelectionKey.OP_ACCEPT, () -> acceptAndClose(server, accepted));
                    } catch (IOException e) {
                        accepted.completeExceptionally(e);
                    }
                });
                Runnable spinner = new Runnable() {
                    @Override
                    public void run() {
                        if (spinning.get()) {
                            spins.incrementAndGet();
                            loop.callSoon(this);
                        }
                    }
                };
                loop.execute(spinner);
                CompletableFuture<Void> timerRan = new CompletableFuture<>();
                loop.execute(() -> loop.callLater(Duration.ofMillis(10), () -> timerRan.complete(null)));
                CompletableFuture<Void> executed = new CompletableFuture<>();
                loop.execute(() -> executed.complete(null));
                awaitOnLoop(loop, "the task that re-queues itself to start", Duration.ofSeconds(3), () -> spins.get() > 0,
                        () -> "it never ran: the loop thread is " + whereIs(loop));

                try (SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
                    long ioStepsThen = loop.ioSteps();
                    long spinsThen = spins.get();
                    // a loop that skips its I/O step while tasks are ready: 1,000 turns without one tell at once
                    Callable<Boolean> noIoForAThousandTurns = () -> spins.get() - spinsThen > 1_000 && loop.ioSteps() == ioStepsThen;
                    awaitOnLoop(loop, "a client's connection to be accepted, and a task from another thread and a 10 ms"
                                    + " timer to run, while a task keeps re-queuing itself", Duration.ofSeconds(3),
                            () -> accepted.isDone() && executed.isDone() && timerRan.isDone() || noIoForAThousandTurns.call(),
                            () -> "not all of them ran: " + starved(accepted, executed, timerRan) + " (README.md, step 3.5)");
                    assertThat(accepted).as("a client's connection, while a task keeps re-queuing itself: the spinner ran %d"
                                    + " times since the client connected, and the loop took %d I/O steps (handleIo) meanwhile."
                                    + " runOnce must wait for I/O every turn, without waiting when tasks are ready (NO_WAIT),"
                                    + " or sockets starve (README.md, step 3.5)",
                            spins.get() - spinsThen, loop.ioSteps() - ioStepsThen).isDone();
                }
                assertThat(executed).as("work from another thread, while a task keeps re-queuing itself (README.md, step 3.5)")
                        .isDone();
                assertThat(timerRan).as("a 10 ms timer, while a task keeps re-queuing itself (README.md, step 3.5)").isDone();
                System.out.println("3.5 a task re-queued itself " + spins.get() + " times by then, once a turn, and the"
                        + " socket, the task from another thread and the 10 ms timer still got their turn");
            } finally {
                spinning.set(false); // before close(), which waits for the loop thread
            }
        }
    }

    private static String starved(CompletableFuture<?> accepted, CompletableFuture<?> executed, CompletableFuture<?> timer) {
        List<String> starved = new ArrayList<>();
        if (!accepted.isDone()) {
            starved.add("the client's connection was not accepted");
        }
        if (!executed.isDone()) {
            starved.add("the task from another thread did not run");
        }
        if (!timer.isDone()) {
            starved.add("the 10 ms timer did not fire");
        }
        return String.join(", ", starved);
    }

    private static void acceptAndClose(ServerSocketChannel server, CompletableFuture<Void> accepted) {
        try (SocketChannel ignored = server.accept()) {
            accepted.complete(null);
        } catch (IOException e) {
            accepted.completeExceptionally(e);
        }
    }

    /**
     * Step 3.1 must hold before a loop can run a task that re-queues itself: a runReady that also runs the tasks
     * queued while it runs never returns, and this test would blame step 3.5 for it.
     */
    private static void runReadyMustLeaveNewTasksForTheNextTurn() {
        try (EventLoop loop = new EventLoop()) {
            List<String> ran = new ArrayList<>();
            loop.callSoon(() -> {
                ran.add("a");
                loop.callSoon(() -> ran.add("a's follow-up"));
            });
            loop.runReady();
            if (!ran.equals(List.of("a"))) {
                throw new AssertionError("step 3.1 must be green first: this test of step 3.5 runs a task that re-queues"
                        + " itself on your loop, but one runReady ran " + ran + " where a task queued while runReady runs"
                        + " waits for the next turn, so runReady would never return (README.md, step 3.1)");
            }
        }
    }

    @Test
    @DisplayName("3.5 a task that blocks the loop is reported as a slow callback with its name and duration")
    void slowCallbacksAreReported() {
        EarlierSteps.mustBeGreen("3.5", "runs tasks on your loop's own thread", "3.1", "3.2", "3.4");
        try (EventLoop loop = new EventLoop()) {
            loop.slowCallbackThreshold(Duration.ofMillis(50));
            loop.start();
            List<SlowCallback> heard = new CopyOnWriteArrayList<>();
            loop.onSlowCallback(heard::add);
            loop.execute(new NamedTask("quick task", () -> { }));
            loop.execute(new NamedTask("blocking task", () -> sleepQuietly(200)));

            awaitOnLoop(loop, "the task that blocks for 200 ms to be reported as a slow callback", Duration.ofSeconds(3),
                    () -> heard.stream().anyMatch(LoopTurnTest::isTheBlockingTask),
                    () -> "the slow callbacks reported were " + heard + ", and the loop thread is " + whereIs(loop)
                            + (loop.isBlockedInSelect() ? "" : ": run every task through the given runTask(task), which"
                            + " times it (README.md, step 3.1)"));
            // filtered: on a very busy machine even the quick task may, rarely, be preempted for 50 ms
            assertThat(loop.slowCallbacks()).filteredOn(LoopTurnTest::isTheBlockingTask).singleElement()
                    .satisfies(slow -> assertThat(slow.durationMs()).as("how long the task that blocks for 200 ms held"
                            + " the loop, as reported").isGreaterThanOrEqualTo(150));
        }
    }

    @Test
    @DisplayName("3.5 close() stops the loop thread, even when it is blocked in select")
    void closeStopsTheThread() {
        EarlierSteps.mustBeGreen("3.5", "runs your loop on its own thread and hands it a timer", "3.1", "3.2", "3.4");
        EventLoop loop = new EventLoop();
        loop.start();
        awaitBlockedInSelect(loop);
        loop.execute(() -> loop.callLater(Duration.ofHours(1), () -> { }));

        loop.close();

        assertThat(loop.isRunning()).as("the loop thread after close(): runOnce must return after each turn, so the"
                + " loop sees close() (README.md, step 3.5)").isFalse();
        assertThat(loop.failure()).as("what stopped the loop").isNull();
        assertThat(Resources.liveThreads(loop.threadName())).as("threads named %s still alive after close()",
                loop.threadName()).isZero();
    }

    private static boolean isTheBlockingTask(SlowCallback slow) {
        return slow.name().equals("blocking task");
    }

    /** Waits until the loop sleeps in select; a loop thread that died instead says why. */
    private static void awaitBlockedInSelect(EventLoop loop) {
        awaitOnLoop(loop, "the idle loop to block in select", Duration.ofSeconds(3), loop::isBlockedInSelect,
                () -> "the loop thread is " + whereIs(loop) + ": with no task ready and no timer, selectTimeoutMillis must"
                        + " say FOREVER and runOnce must wait for I/O with it (README.md, step 3.5)");
    }

    /**
     * Waits until {@code done} on a running loop. A loop thread that died meanwhile (a runOnce() that throws
     * kills it at its first turn) says why at once; a timeout says what it saw instead, in {@code saw}'s words.
     */
    private static void awaitOnLoop(EventLoop loop, String what, Duration atMost, Callable<Boolean> done,
                                    Supplier<String> saw) {
        try {
            await().alias(what).atMost(atMost).until(() -> done.call() || loop.failure() != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + " within " + atMost.toMillis() / 1000.0 + " s, but " + saw.get());
        }
        if (loop.failure() != null) {
            throw new AssertionError("the loop thread stopped while the test waited for " + what + ": " + loop.failure().getMessage(),
                    loop.failure());
        }
    }

    /** What the loop thread is doing, for messages. */
    private static String whereIs(EventLoop loop) {
        if (!loop.isRunning()) {
            return "not running" + (loop.failure() != null ? " (it stopped with " + loop.failure() + ")" : "");
        }
        return loop.isBlockedInSelect() ? "blocked in select (with a task ready, selectTimeoutMillis must say NO_WAIT, and"
                + " with none, wait no longer than until the next timer: README.md, step 3.5)" : "busy, not blocked in select";
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
