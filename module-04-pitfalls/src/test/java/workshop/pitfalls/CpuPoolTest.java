package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("4.3 your fix, part 1: cpuPool()")
@Tag("exercise")
@Tag("step-4.3")
class CpuPoolTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    @DisplayName("4.3 cpuPool(): 4 jobs per core submitted at once, exactly one job per core runs at a time")
    void onePoolThreadPerCore() throws Exception {
        ExecutorService pool = NonBlockingHandlers.cpuPool();
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try {
            for (int i = 0; i < 4 * CORES; i++) {
                pool.execute(() -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        gate.await(); // holds the thread, so the test can count how many hold one at once
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                        done.incrementAndGet();
                    }
                });
            }
            String tooMany = "cpuPool() must have exactly one thread per core, Runtime.getRuntime().availableProcessors():"
                    + " more threads only take turns on the same cores, fewer leave cores idle (README.md, step 4.3)";
            Waits.until(String.format("%d jobs running at once on cpuPool(), one per core", CORES), Duration.ofSeconds(5),
                    () -> running.get() >= CORES,
                    () -> String.format("at most %d ran at once: %s", maxRunning.get(), tooMany));
            Waits.holds(String.format("exactly %d jobs running at once, the other %d waiting in the pool's queue",
                            CORES, 3 * CORES), Duration.ofMillis(200),
                    () -> running.get() == CORES,
                    () -> String.format("%d ran at once: %s", maxRunning.get(), tooMany));
            gate.countDown();
            Waits.until(String.format("all %d jobs done once the test let them go", 4 * CORES), Duration.ofSeconds(5),
                    () -> done.get() == 4 * CORES, () -> done.get() + " were done");

            assertThat(maxRunning.get()).as("jobs running at once on %d cores: %s", CORES, tooMany).isEqualTo(CORES);
            System.out.printf("4.3 cpuPool(): %d jobs submitted at once, at most %d running at a time on %d cores%n",
                    4 * CORES, maxRunning.get(), CORES);
        } finally {
            gate.countDown();
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).as("CPU pool threads ended").isTrue();
        }
    }
}
