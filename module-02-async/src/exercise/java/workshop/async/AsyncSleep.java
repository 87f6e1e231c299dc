package workshop.async;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * YOUR ROOM, part 2: the Java {@code asyncio.sleep}. {@code Thread.sleep} parks a thread for the
 * whole wait; this sleep parks nothing. It leaves an alarm with a timer and returns a future at
 * once; one timer thread rings every alarm of the server, however many requests are waiting.
 */
public final class AsyncSleep {
    /** The one timer thread every sleep of the server shares (given). */
    private static final ScheduledExecutorService SHARED_TIMER = TimerThread.start("async-sleep-timer");

    private AsyncSleep() {
    }

    /** A future that completes after {@code delay}, rung by the shared timer thread (given). */
    public static CompletableFuture<Void> sleep(Duration delay) {
        return sleep(delay, SHARED_TIMER);
    }

    /**
     * 2.2 Returns at once a new future that {@code timer}'s thread completes (with {@code null}) once
     * {@code delay} has passed. It blocks nothing and starts no thread: one sleep is one alarm left
     * with {@code timer}, so 1,000 sleeps are 1,000 alarms and still one thread.
     *
     * <p>A sleep that ends early (the caller cancels the returned future) takes its alarm back from
     * {@code timer} at once, so nothing stays queued for a wait nobody needs. A negative delay is the
     * caller's bug: {@link IllegalArgumentException}.
     */
    public static CompletableFuture<Void> sleep(Duration delay, ScheduledExecutorService timer) {
        throw new UnsupportedOperationException(
                "TODO 2.2: schedule an alarm that completes the returned future in sleep(Duration, timer) in "
                        + "src/exercise/java/workshop/async/AsyncSleep.java (README.md, step 2.2)");
    }
}
