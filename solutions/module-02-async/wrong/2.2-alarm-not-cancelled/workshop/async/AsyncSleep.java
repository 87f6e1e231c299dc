package workshop.async;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** KNOWN MISTAKE (2.2-alarm-not-cancelled): the Java {@code asyncio.sleep}: a wait that holds no thread. */
public final class AsyncSleep {
    /** The one timer thread every sleep of the server shares. */
    private static final ScheduledExecutorService SHARED_TIMER = TimerThread.start("async-sleep-timer");

    private AsyncSleep() {
    }

    /** A future that completes after {@code delay}, rung by the shared timer thread. */
    public static CompletableFuture<Void> sleep(Duration delay) {
        return sleep(delay, SHARED_TIMER);
    }

    /** 2.2 Schedules one alarm that completes the future; cancelling the future cancels the alarm. */
    public static CompletableFuture<Void> sleep(Duration delay, ScheduledExecutorService timer) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a sleep cannot last a negative time: " + delay);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        timer.schedule(() -> done.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS); // a cancelled sleep keeps its alarm
        return done;
    }
}
