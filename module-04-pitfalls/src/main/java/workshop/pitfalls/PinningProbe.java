package workshop.pitfalls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Finds out whether a virtual thread that parks inside a guarded section (a {@code synchronized}
 * block, a lock) keeps its carrier thread to itself. If it does ("pinning"), only as many virtual
 * threads as there are carriers can be parked in such sections at once; the others cannot even
 * start. JDK 21 to 23 pin inside {@code synchronized}; JDK 24 (JEP 491) does not.
 */
public final class PinningProbe {
    private PinningProbe() {
    }

    /** Code that runs inside a guard and may park its thread. */
    @FunctionalInterface
    public interface Section {
        void run() throws InterruptedException;
    }

    /** Something that runs a section while holding a lock of its own (one guard = one lock). */
    @FunctionalInterface
    public interface Guard {
        void enter(Section section) throws InterruptedException;
    }

    /** The classic guard: a {@code synchronized} block on a private monitor. */
    public static Guard monitorGuard() {
        Object monitor = new Object();
        return section -> {
            synchronized (monitor) {
                section.run();
            }
        };
    }

    /** What the probe saw: how many of the virtual threads were parked inside their guard at the same time. */
    public record Result(int threads, int parkedAtOnce, int carriers, int jdk) {
        public boolean pinned() {
            return parkedAtOnce < threads;
        }

        @Override
        public String toString() {
            return String.format("JDK %d: %d of %d virtual threads parked inside their guard at once, on %d carrier threads (%s)",
                    jdk, parkedAtOnce, threads, carriers, pinned() ? "pinned: each parked thread kept its carrier"
                            : "not pinned: parked threads gave their carrier back");
        }
    }

    /** How many carrier threads the JDK's virtual-thread scheduler uses. */
    public static int carriers() {
        String configured = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        return configured != null ? Integer.parseInt(configured) : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Starts {@code threads} virtual threads, each with a guard of its own from {@code guards}; each
     * parks inside its guard until the probe opens a gate. Waits at most {@code atMost} for all of
     * them to be parked at once, then opens the gate and waits for every thread to end.
     */
    public static Result parkInside(Supplier<Guard> guards, int threads, Duration atMost) throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger parked = new AtomicInteger();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Guard guard = guards.get();
            started.add(Thread.ofVirtual().name("probe-", i).start(() -> {
                try {
                    guard.enter(() -> {
                        parked.incrementAndGet();
                        gate.await(); // parks the virtual thread while it holds its guard
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        while (parked.get() < threads && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int atOnce = parked.get();
        gate.countDown(); // release everyone, pinned or not, so no thread outlives the probe
        for (Thread thread : started) {
            if (!thread.join(Duration.ofSeconds(10))) {
                throw new IllegalStateException(thread.getName() + " did not end after the gate opened");
            }
        }
        return new Result(threads, atOnce, carriers(), Runtime.version().feature());
    }
}
