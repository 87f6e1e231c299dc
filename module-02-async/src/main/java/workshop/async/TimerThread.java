package workshop.async;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Makes the single-thread scheduler behind {@link AsyncSleep}: one thread rings every alarm. */
public final class TimerThread {
    private TimerThread() {
    }

    /** One daemon thread called {@code name}, so a forgotten timer never keeps the JVM alive. */
    public static ScheduledThreadPoolExecutor start(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name(name).daemon().factory());
        timer.setRemoveOnCancelPolicy(true); // a cancelled alarm leaves the queue at once instead of piling up
        return timer;
    }
}
