package workshop.async;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One sleep on a timer of the probe's own, to tell at once whether {@code AsyncSleep.sleep(delay, timer)} leaves an
 * alarm with the timer it is given, as step 2.2 asks, before a test puts a hundred or a thousand sleeps on it.
 * Whatever the sleep started is cancelled before the probe returns, so a wrong sleep leaves nothing queued behind.
 */
final class SleepProbe {
    /**
     * Long enough that a correct sleep is surely still waiting when the probe looks a moment later, even on a
     * laptop that stalls for a few hundred milliseconds; a sleep that blocks costs the probe this much once.
     */
    static final Duration DELAY = Duration.ofSeconds(1);

    private SleepProbe() {
    }

    /** {@code null} when one sleep is one alarm in the timer's queue; otherwise what is wrong, in a learner's words. */
    static String whatIsWrong() {
        ScheduledThreadPoolExecutor timer = TimerThread.start("probe-timer");
        CompletableFuture<Void> sleep = null;
        try {
            timer.prestartAllCoreThreads();
            long start = System.nanoTime();
            sleep = AsyncSleep.sleep(DELAY, timer);
            long returnedAfterMs = (System.nanoTime() - start) / 1_000_000;
            int alarms = timer.getQueue().size();
            if (sleep == null) {
                return "returned no future";
            }
            if (alarms == 0 && sleep.isDone()) {
                return "was already over when sleep(" + DELAY.toMillis() + " ms, timer) returned, after " + returnedAfterMs
                        + " ms, and left no alarm with the timer: it blocked the caller instead of scheduling an alarm";
            }
            if (alarms == 0) {
                return "left no alarm in the queue of the timer it was given: it waits somewhere else, on another timer"
                        + " or on a pool thread (CompletableFuture.runAsync around Thread.sleep holds a pool thread per"
                        + " sleeper), where 2.2 asks for one alarm scheduled on the timer it is given";
            }
            return null;
        } finally {
            if (sleep != null) {
                sleep.cancel(true);
            }
            timer.shutdownNow();
        }
    }
}
