package workshop.runner;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;

/**
 * Notices a test that outlives its time bound. JUnit's own timeout (the kit's default bound, as in
 * Maven) interrupts a test that runs too long; a test that ignores the interrupt keeps its thread
 * forever. When nothing has started or ended for the bound plus a grace period, the watchdog calls its
 * handler with the innermost node still running and its thread.
 */
final class Watchdog {
    private final long limitMillis;
    private final BiConsumer<String, Thread> onStuck;
    private final Deque<String> running = new ArrayDeque<>();
    private Thread thread;
    private long lastEvent = System.nanoTime();
    private long testStart = System.nanoTime();

    /**
     * @param limitMillis quiet time after which a run is stuck; 0 never watches
     * @param onStuck called once, with the innermost running node's ID and the thread running it
     */
    Watchdog(long limitMillis, BiConsumer<String, Thread> onStuck) {
        this.limitMillis = limitMillis;
        this.onStuck = onStuck;
        if (limitMillis > 0) {
            Thread.ofPlatform().daemon().name("runner-watchdog").start(this::watch);
        }
    }

    synchronized void enter(String id) {
        running.push(id);
        thread = Thread.currentThread();
        lastEvent = System.nanoTime();
        testStart = lastEvent;
    }

    /** The node ended; returns the milliseconds since the last node started. */
    synchronized long leave(String id) {
        running.remove(id);
        lastEvent = System.nanoTime();
        return (lastEvent - testStart) / 1_000_000;
    }

    private void watch() {
        while (true) {
            try {
                Thread.sleep(Math.min(200, limitMillis));
            } catch (InterruptedException e) {
                return;
            }
            String stuck = null;
            Thread stuckThread = null;
            synchronized (this) {
                if (!running.isEmpty() && (System.nanoTime() - lastEvent) / 1_000_000 > limitMillis) {
                    stuck = running.peek();
                    stuckThread = thread;
                }
            }
            if (stuck != null) {
                onStuck.accept(stuck, stuckThread);
                return;
            }
        }
    }
}
