package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@Tag("step-3.3")
@DisplayName("3.3 sleep: a wait that is only a timer")
class SleepTest {

    @Test
    @DisplayName("3.3 sleep returns at once and its future completes when the timer fires, not before")
    void sleepIsATimer() {
        EarlierSteps.mustBeGreen("3.3", "plays the loop: it moves due timers and runs them", "3.1", "3.2");
        try (EventLoop loop = new EventLoop()) {
            long before = System.nanoTime();
            CompletableFuture<Void> slept = loop.sleep(Duration.ofSeconds(30));
            Duration call = Duration.ofNanos(System.nanoTime() - before);
            assertThat(call).as("sleep must not block the caller").isLessThan(Duration.ofSeconds(10));
            assertThat(slept).as("not due yet").isNotDone();

            loop.moveDueTimers(System.nanoTime());
            loop.runReady();
            assertThat(slept).as("still not due").isNotDone();

            loop.moveDueTimers(System.nanoTime() + Duration.ofMinutes(1).toNanos());
            loop.runReady();
            assertThat(slept).as("sleep's future once the loop has run its due timers: a timer of this loop (callLater) "
                    + "must complete it, not a thread of the JDK").isCompleted();
            System.out.printf("3.3 sleep(30 s) returned a pending future in %.2f ms; it completed only when the loop "
                    + "(the test plays it) ran its due timers%n", call.toNanos() / 1e6);
        }
    }

    @Test
    @DisplayName("3.3 code chained to sleep runs when the timer fires, in deadline order")
    void chainedCodeRunsWithTheTimer() {
        EarlierSteps.mustBeGreen("3.3", "plays the loop: it moves due timers and runs them", "3.1", "3.2");
        try (EventLoop loop = new EventLoop()) {
            StringBuilder order = new StringBuilder();
            loop.sleep(Duration.ofMillis(200)).thenRun(() -> order.append("slow "));
            loop.sleep(Duration.ofMillis(100)).thenRun(() -> order.append("fast "));

            loop.moveDueTimers(System.nanoTime() + Duration.ofMinutes(1).toNanos());
            loop.runReady();

            assertThat(order.toString()).isEqualTo("fast slow ");
        }
    }

    @Test
    @DisplayName("3.3 cancelling sleep's future cancels its timer, as module 02's AsyncSleep cancels its alarm")
    void cancellingTheSleepCancelsItsTimer() {
        EarlierSteps.mustBeGreen("3.3", "schedules sleeps", "3.2");
        try (EventLoop loop = new EventLoop()) {
            List<CompletableFuture<Void>> sleeps = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sleeps.add(loop.sleep(Duration.ofSeconds(30)));
            }

            sleeps.forEach(sleep -> sleep.cancel(false));

            assertThat(loop.cancelledTimers())
                    .as("timers cancelled after 100 sleeps were cancelled (a Timer tells its loop when it is cancelled): "
                            + "cancel the timer when sleep's future completes in any way (whenComplete), as module 02's "
                            + "AsyncSleep cancels its alarm (README.md, step 3.3)")
                    .isEqualTo(100);
            System.out.println("3.3 100 sleeps cancelled: " + loop.cancelledTimers() + " timers counted as cancelled, "
                    + loop.timersInHeap() + " still in the heap (a cancelled timer is only marked; 3.5 clears them away)");
        }
    }
}
