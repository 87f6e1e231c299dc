package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
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
        try (EventLoop loop = new EventLoop()) {
            long now = System.nanoTime();
            assertThat(loop.selectTimeoutMillis(now)).as("nothing to do: block until I/O or execute()")
                    .isEqualTo(EventLoopBase.FOREVER);

            Timer timer = loop.callLater(Duration.ofSeconds(60), () -> { });
            long deadline = timer.deadlineNanos();
            assertThat(loop.selectTimeoutMillis(deadline - 3 * MS / 2 - 1)).as("1.5 ms and a bit before: round up")
                    .isEqualTo(2);
            assertThat(loop.selectTimeoutMillis(deadline - 3 * MS)).as("exactly 3 ms before").isEqualTo(3);
            assertThat(loop.selectTimeoutMillis(deadline - 1)).as("1 ns before: still wait 1 ms, not 0")
                    .isEqualTo(1);
            assertThat(loop.selectTimeoutMillis(deadline)).as("due now: do not block").isEqualTo(EventLoopBase.NO_WAIT);
            assertThat(loop.selectTimeoutMillis(deadline + 5 * MS)).as("overdue").isEqualTo(EventLoopBase.NO_WAIT);

            Timer sooner = loop.callLater(Duration.ofSeconds(1), () -> { });
            sooner.cancel();
            assertThat(loop.selectTimeoutMillis(deadline - 10_000 * MS)).as("a cancelled timer must not cut the wait")
                    .isEqualTo(10_000);

            loop.callSoon(() -> { });
            assertThat(loop.selectTimeoutMillis(deadline - 10_000 * MS)).as("a task is ready: do not wait for I/O")
                    .isEqualTo(EventLoopBase.NO_WAIT);
        }
    }

    @Test
    @DisplayName("3.5 execute() from another thread wakes a loop blocked in select")
    void executeWakesABlockedSelect() {
        try (EventLoop loop = new EventLoop()) {
            loop.start();
            awaitBlockedInSelect(loop); // idle: no timer, no I/O

            CompletableFuture<String> ranOn = new CompletableFuture<>();
            loop.execute(() -> ranOn.complete(Thread.currentThread().getName()));

            assertThat(ranOn).as("a loop blocked forever in select must be woken by execute()")
                    .succeedsWithin(Duration.ofSeconds(5)).isEqualTo(loop.threadName());
        }
    }

    @Test
    @DisplayName("3.5 on a running loop, timers fire on the loop thread in deadline order with FIFO ties")
    void timersOnARunningLoop() {
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

            await().atMost(Duration.ofSeconds(10)).until(() -> fired.size() == 6);
            assertThat(fired).containsExactly("0ms#4", "100ms#1", "100ms#3", "200ms#2", "200ms#5", "300ms#0");
            assertThat(threads).containsOnly(loop.threadName());
        }
    }

    @Test
    @DisplayName("3.5 sleep completes on the loop thread, and its chained code runs there")
    void sleepCompletesOnTheLoopThread() {
        try (EventLoop loop = new EventLoop()) {
            loop.start();
            CompletableFuture<String> thread = new CompletableFuture<>();
            loop.execute(() -> loop.sleep(Duration.ofMillis(20))
                    .thenRun(() -> thread.complete(Thread.currentThread().getName())));

            assertThat(thread).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(loop.threadName());
        }
    }

    @Test
    @DisplayName("3.5 a task that re-queues itself forever does not starve timers or other work")
    void noStarvation() {
        AtomicBoolean spinning = new AtomicBoolean(true);
        try (EventLoop loop = new EventLoop()) {
            loop.start();
            Runnable spinner = new Runnable() {
                @Override
                public void run() {
                    if (spinning.get()) {
                        loop.callSoon(this);
                    }
                }
            };
            loop.execute(spinner);
            CompletableFuture<Void> timerRan = new CompletableFuture<>();
            loop.execute(() -> loop.callLater(Duration.ofMillis(10), () -> timerRan.complete(null)));
            CompletableFuture<Void> executed = new CompletableFuture<>();
            loop.execute(() -> executed.complete(null));

            assertThat(executed).as("work from another thread, while a task keeps re-queuing itself")
                    .succeedsWithin(Duration.ofSeconds(5));
            assertThat(timerRan).as("a timer, while a task keeps re-queuing itself").succeedsWithin(Duration.ofSeconds(5));
        } finally {
            spinning.set(false);
        }
    }

    @Test
    @DisplayName("3.5 a task that blocks the loop is reported as a slow callback with its name and duration")
    void slowCallbacksAreReported() {
        try (EventLoop loop = new EventLoop()) {
            loop.slowCallbackThreshold(Duration.ofMillis(50));
            loop.start();
            List<SlowCallback> heard = new CopyOnWriteArrayList<>();
            loop.onSlowCallback(heard::add);
            loop.execute(new NamedTask("quick task", () -> { }));
            loop.execute(new NamedTask("blocking task", () -> sleepQuietly(200)));

            await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(LoopTurnTest::isTheBlockingTask));
            // filtered: on a very busy machine even the quick task may, rarely, be preempted for 50 ms
            assertThat(loop.slowCallbacks()).filteredOn(LoopTurnTest::isTheBlockingTask).singleElement()
                    .satisfies(slow -> assertThat(slow.durationMs()).isGreaterThanOrEqualTo(150));
        }
    }

    @Test
    @DisplayName("3.5 close() stops the loop thread, even when it is blocked in select")
    void closeStopsTheThread() {
        EventLoop loop = new EventLoop();
        loop.start();
        awaitBlockedInSelect(loop);
        loop.execute(() -> loop.callLater(Duration.ofHours(1), () -> { }));

        loop.close();

        assertThat(loop.isRunning()).as("the loop thread after close()").isFalse();
        assertThat(loop.failure()).as("what stopped the loop").isNull();
        assertThat(Resources.liveThreads(loop.threadName())).isZero();
    }

    private static boolean isTheBlockingTask(SlowCallback slow) {
        return slow.name().equals("blocking task");
    }

    /** Waits until the loop sleeps in select; a loop thread that died instead says why. */
    private static void awaitBlockedInSelect(EventLoop loop) {
        await().atMost(Duration.ofSeconds(10)).until(() -> loop.isBlockedInSelect() || loop.failure() != null);
        if (loop.failure() != null) {
            throw new AssertionError("the loop thread stopped: " + loop.failure().getMessage(), loop.failure());
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
