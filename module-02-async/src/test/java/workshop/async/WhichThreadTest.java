package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which thread runs a stage such as {@code thenApply}: the thread that completes the future, or,
 * when the future is already complete, the thread that attaches the stage. That is why the timer
 * thread usually writes an async answer, and the dispatcher writes {@code /async/} and every 400.
 */
@Tag("demo")
@Tag("step-2.5")
@DisplayName("2.5 which thread runs a stage")
class WhichThreadTest {
    private final ScheduledThreadPoolExecutor timer = TimerThread.start("test-timer");

    @AfterEach
    void stopTimer() throws InterruptedException {
        timer.shutdownNow();
        assertThat(timer.awaitTermination(5, TimeUnit.SECONDS)).as("the test timer stopped").isTrue();
    }

    @Test
    @DisplayName("2.5 a stage attached before the future completes runs on the thread that completes it: the timer")
    void stageRunsOnTheCompletingThread() throws Exception {
        CompletableFuture<Void> sleep = new CompletableFuture<>();
        CompletableFuture<String> ranOn = sleep.thenApply(woke -> Thread.currentThread().getName());

        timer.schedule(() -> sleep.complete(null), 50, TimeUnit.MILLISECONDS);

        assertThat(ranOn.get(10, TimeUnit.SECONDS)).as("the thread that ran thenApply").isEqualTo("test-timer");
    }

    @Test
    @DisplayName("2.5 a stage attached to an already completed future runs at once, on the thread that attaches it")
    void stageOnACompletedFutureRunsOnTheAttachingThread() {
        String attaching = Thread.currentThread().getName();

        CompletableFuture<String> ranOn = CompletableFuture.completedFuture("async")
                .thenApply(answer -> Thread.currentThread().getName());

        assertThat(ranOn).as("thenApply on a completed future, right after attaching it").isDone();
        assertThat(ranOn.join()).as("the thread that ran thenApply (the test's own thread is '%s')", attaching)
                .isEqualTo(attaching);
    }
}
