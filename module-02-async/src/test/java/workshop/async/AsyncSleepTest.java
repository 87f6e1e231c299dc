package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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

    @AfterEach
    void stopTimer() throws InterruptedException {
        timer.shutdownNow();
        assertThat(timer.awaitTermination(5, TimeUnit.SECONDS)).as("the test timer stopped").isTrue();
    }

    @Test
    @DisplayName("2.2 sleep(300 ms) returns at once and completes after at least 300 ms, on the timer thread")
    void completesLaterOnTheTimerThread() {
        long start = System.nanoTime();
        CompletableFuture<String> wokenOn = AsyncSleep.sleep(Duration.ofMillis(300), timer)
                .thenApply(woke -> Thread.currentThread().getName());
        double returnedAfterMs = (System.nanoTime() - start) / 1e6;

        assertThat(wokenOn).as("the sleep must not be over when sleep() returns (it returned after %.0f ms)",
                returnedAfterMs).isNotDone();
        assertThat(wokenOn.orTimeout(5, TimeUnit.SECONDS).join()).as("the thread that completed the sleep")
                .isEqualTo("test-timer");
        assertThat((System.nanoTime() - start) / 1e6).as("ms until the sleep completed").isGreaterThanOrEqualTo(300);
    }

    @Test
    @DisplayName("2.2 1,000 sleeps wait at once as 1,000 alarms of one timer thread: no thread is added, all complete")
    void aThousandSleepsShareOneThread() {
        timer.prestartAllCoreThreads();
        int before = LiveThreads.count();
        List<CompletableFuture<Void>> sleeps = IntStream.range(0, 1_000)
                .mapToObj(i -> AsyncSleep.sleep(Duration.ofSeconds(1), timer)).toList();

        assertThat(timer.getQueue()).as("alarms waiting in the timer's queue").hasSizeGreaterThanOrEqualTo(990);
        assertThat(LiveThreads.count() - before).as("platform threads added for 1,000 waiting sleeps").isLessThanOrEqualTo(5);
        CompletableFuture.allOf(sleeps.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(sleeps).as("sleeps completed normally").allMatch(sleep -> sleep.isDone() && !sleep.isCompletedExceptionally());
    }

    @Test
    @DisplayName("2.2 cancelling a sleep cancels its alarm: the timer's queue empties at once")
    void cancellingRemovesTheAlarm() {
        List<CompletableFuture<Void>> sleeps = IntStream.range(0, 100)
                .mapToObj(i -> AsyncSleep.sleep(Duration.ofSeconds(30), timer)).toList();
        assertThat(timer.getQueue()).as("alarms waiting before the cancel").hasSize(100);

        sleeps.forEach(sleep -> sleep.cancel(false));

        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(timer.getQueue()).as("alarms left after cancelling every sleep").isEmpty());
        assertThat(sleeps).allMatch(CompletableFuture::isCancelled);
    }

    @Test
    @DisplayName("2.2 a negative delay is a bug of the caller: IllegalArgumentException")
    void negativeDelayIsRejected() {
        assertThatThrownBy(() -> AsyncSleep.sleep(Duration.ofMillis(-1), timer))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
