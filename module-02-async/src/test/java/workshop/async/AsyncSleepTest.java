package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@Tag("step-2.2")
@DisplayName("2.2 AsyncSleep.sleep")
class AsyncSleepTest {
    /** A timer of the test's own, so its queue holds only this test's alarms. */
    private final ScheduledThreadPoolExecutor timer = TimerThread.start("test-timer");

    /** Every sleep a test started: cancelled after it, so a wrong sleep leaves no work behind for later tests. */
    private final List<CompletableFuture<?>> started = new ArrayList<>();

    @AfterEach
    void stopTimer() throws InterruptedException {
        started.forEach(sleep -> sleep.cancel(true));
        timer.shutdownNow();
        assertThat(timer.awaitTermination(5, TimeUnit.SECONDS)).as("the test timer stopped").isTrue();
    }

    /** One sleep first, on a timer of its own: a test about many sleeps stops at once if one is not an alarm. */
    private static void oneSleepIsOneAlarm() {
        String wrong = SleepProbe.whatIsWrong();
        if (wrong != null) {
            throw new AssertionError("one sleep must be one alarm scheduled on the timer it is given, but your sleep "
                    + wrong + " (README.md, step 2.2)");
        }
    }

    private CompletableFuture<Void> sleep(Duration delay) {
        CompletableFuture<Void> sleep = AsyncSleep.sleep(delay, timer);
        started.add(sleep);
        return sleep;
    }

    @Test
    @DisplayName("2.2 sleep(300 ms) returns at once and completes after at least 300 ms, on the timer thread")
    void completesLaterOnTheTimerThread() {
        long start = System.nanoTime();
        CompletableFuture<String> wokenOn = sleep(Duration.ofMillis(300))
                .thenApply(woke -> Thread.currentThread().getName());
        double returnedAfterMs = (System.nanoTime() - start) / 1e6;

        assertThat(wokenOn).as("the sleep must not be over when sleep() returns (it returned after %.0f ms)",
                returnedAfterMs).isNotDone();
        assertThat(wokenOn.orTimeout(5, TimeUnit.SECONDS).join())
                .as("the thread that completed the sleep (the timer you are given rings the alarm: README.md, step 2.2)")
                .isEqualTo("test-timer");
        assertThat((System.nanoTime() - start) / 1e6).as("ms until the sleep completed").isGreaterThanOrEqualTo(300);
    }

    @Test
    @DisplayName("2.2 1,000 sleeps wait at once as 1,000 alarms of one timer thread: no thread is added, all complete")
    void aThousandSleepsShareOneThread() {
        oneSleepIsOneAlarm();
        timer.prestartAllCoreThreads();
        int before = LiveThreads.count();
        List<CompletableFuture<Void>> sleeps = IntStream.range(0, 1_000)
                .mapToObj(i -> sleep(Duration.ofSeconds(1))).toList();

        assertThat(timer.getQueue()).as("alarms waiting in the timer's queue").hasSizeGreaterThanOrEqualTo(990);
        assertThat(LiveThreads.count() - before).as("platform threads added for 1,000 waiting sleeps").isLessThanOrEqualTo(5);
        CompletableFuture.allOf(sleeps.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(sleeps).as("sleeps completed normally").allMatch(sleep -> sleep.isDone() && !sleep.isCompletedExceptionally());
    }

    @Test
    @DisplayName("2.2 cancelling a sleep cancels its alarm: the timer's queue empties at once")
    void cancellingRemovesTheAlarm() {
        oneSleepIsOneAlarm();
        List<CompletableFuture<Void>> sleeps = IntStream.range(0, 100)
                .mapToObj(i -> sleep(Duration.ofSeconds(30))).toList();
        assertThat(timer.getQueue()).as("alarms waiting before the cancel").hasSize(100);

        sleeps.forEach(sleep -> sleep.cancel(false));

        try {
            await("the timer's queue to empty once every sleep is cancelled").atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(10)).until(() -> timer.getQueue().isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(timer.getQueue().size() + " alarms were still in the timer's queue 2 s after all 100"
                    + " sleeps were cancelled: when the returned future completes, however it completes, cancel its"
                    + " alarm too (README.md, step 2.2)");
        }
        assertThat(sleeps).allMatch(CompletableFuture::isCancelled);
    }

    @Test
    @DisplayName("2.2 a negative delay is a bug of the caller: IllegalArgumentException")
    void negativeDelayIsRejected() {
        Throwable thrown = catchThrowable(() -> started.add(AsyncSleep.sleep(Duration.ofMillis(-1), timer)));
        assertThat(thrown).as("what sleep(-1 ms) threw: it must throw IllegalArgumentException, a negative delay is the"
                        + " caller's bug (README.md, step 2.2)")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
