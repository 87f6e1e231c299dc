package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@Tag("step-3.3")
@DisplayName("3.3 sleep: a wait that is only a timer")
class SleepTest {

    @Test
    @DisplayName("3.3 sleep returns at once and its future completes when the timer fires, not before")
    void sleepIsATimer() throws Exception {
        EarlierSteps.mustBeGreen("3.3", "plays the loop: it moves due timers and runs them", "3.1", "3.2");
        try (EventLoop loop = new EventLoop()) {
            long before = System.nanoTime();
            CompletableFuture<Void> slept = sleepOnAnotherThread(loop, Duration.ofSeconds(30));
            Duration call = Duration.ofNanos(System.nanoTime() - before);
            assertThat(slept).as("sleep's future right after the call: it may complete only when its timer fires, once the"
                    + " loop has moved its due timers and run them (README.md, step 3.3)").isNotDone();

            loop.moveDueTimers(System.nanoTime());
            loop.runReady();
            assertThat(slept).as("sleep(30 s)'s future after a turn that ran the timers due now: it may complete only when"
                    + " its timer fires (README.md, step 3.3)").isNotDone();

            loop.moveDueTimers(System.nanoTime() + Duration.ofMinutes(1).toNanos());
            loop.runReady();
            assertThat(slept).as("sleep's future once the loop has run its due timers: a timer of this loop (callLater) "
                    + "must complete it, not a thread of the JDK").isCompleted();
            System.out.printf("3.3 sleep(30 s) returned a pending future in %.2f ms; it completed only when the loop "
                    + "(the test plays it) ran its due timers%n", call.toNanos() / 1e6);
        }
    }

    /**
     * Calls {@code loop.sleep(delay)} on a thread of its own (the loop is not started, so any thread may), and waits
     * 2 s for it to return: a sleep that blocks its caller fails here, at once, not after the whole delay.
     */
    private static CompletableFuture<Void> sleepOnAnotherThread(EventLoop loop, Duration delay) throws Exception {
        CompletableFuture<CompletableFuture<Void>> call = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().name("calls-sleep").daemon().start(() -> {
            try {
                call.complete(loop.sleep(delay));
            } catch (Throwable t) {
                call.completeExceptionally(t);
            }
        });
        try {
            return call.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            caller.interrupt(); // leave no thread behind, asleep for the rest of the delay
            throw new AssertionError("sleep must not block the caller: sleep(" + delay.toSeconds() + " s) had not returned"
                    + " after 2 s. On the loop thread, a sleep that blocks stops every other task, timer and socket: return"
                    + " a future at once and let a timer of the loop complete it (README.md, step 3.3)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime; // the starter's TODO
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new AssertionError(cause);
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

            assertThat(order.toString()).as("code chained to sleep(200 ms), then to sleep(100 ms), in the order it ran once"
                    + " both timers were due: each runs when its own timer fires (README.md, step 3.3)").isEqualTo("fast slow ");
        }
    }

    @Test
    @DisplayName("3.3 cancelling sleep's future cancels its timer, as module 02's AsyncSleep cancels its alarm")
    void cancellingTheSleepCancelsItsTimer() throws Exception {
        EarlierSteps.mustBeGreen("3.3", "schedules sleeps", "3.2");
        try (EventLoop loop = new EventLoop()) {
            List<CompletableFuture<Void>> sleeps = new ArrayList<>();
            sleeps.add(sleepOnAnotherThread(loop, Duration.ofSeconds(30))); // a sleep that blocks fails at once
            for (int i = 1; i < 100; i++) {
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
