package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why 2.2 cancels its alarm by hand: {@link CompletableFuture#cancel} only completes one future.
 * It reaches neither the future a stage was built from nor the thread doing the work, while a
 * virtual thread can simply be interrupted. (asyncio's cancel travels down every {@code await}.)
 */
@Tag("demo")
@Tag("step-2.2")
@DisplayName("2.2 what cancel reaches")
class CancellationTest {
    @Test
    @DisplayName("2.2 cancelling a stage does not reach the future it was built from: the sleep under it waits on")
    void cancelDoesNotTravelUpstream() {
        CompletableFuture<Void> sleep = new CompletableFuture<>(); // stands for the sleep a handler started
        CompletableFuture<String> answer = sleep.thenApply(woke -> "done");

        assertThat(answer.cancel(true)).as("cancel() on the handler's stage").isTrue();

        assertThat(answer).as("the stage that was cancelled").isCancelled();
        assertThat(sleep).as("the sleep that stage was built from, after cancelling the stage").isNotDone();
    }

    @Test
    @DisplayName("2.2 cancel(true) does not interrupt the thread doing the work: it runs to its end, unaware")
    void cancelDoesNotInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> workerSaw = new CompletableFuture<>();
        try (ExecutorService worker = Executors.newSingleThreadExecutor()) {
            CompletableFuture<Void> work = CompletableFuture.runAsync(() -> {
                started.countDown();
                try {
                    workerSaw.complete(release.await(20, TimeUnit.SECONDS) ? "no interrupt" : "no interrupt, no release");
                } catch (InterruptedException e) {
                    workerSaw.complete("an interrupt");
                }
            }, worker);
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the work started").isTrue();

            assertThat(work.cancel(true)).as("cancel(true) on the work's future").isTrue();
            release.countDown();

            assertThat(work).as("the cancelled future").isCancelled();
            assertThat(workerSaw.get(10, TimeUnit.SECONDS))
                    .as("what the worker thread saw after cancel(true): the flag is ignored, interrupts are not used")
                    .isEqualTo("no interrupt");
        }
    }

    @Test
    @DisplayName("2.2 for comparison, a virtual thread asleep in Thread.sleep wakes at once when interrupted")
    void virtualThreadCanBeInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> sleeperSaw = new CompletableFuture<>();
        Thread sleeper = Thread.ofVirtual().name("sleeper").start(() -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofSeconds(30));
                sleeperSaw.complete("the end of a 30 s sleep");
            } catch (InterruptedException e) {
                sleeperSaw.complete("an interrupt");
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).as("the virtual thread started").isTrue();

        sleeper.interrupt();

        assertThat(sleeperSaw.get(10, TimeUnit.SECONDS)).as("what the sleeping virtual thread saw").isEqualTo("an interrupt");
        assertThat(sleeper.join(Duration.ofSeconds(10))).as("the virtual thread ended").isTrue();
    }
}
