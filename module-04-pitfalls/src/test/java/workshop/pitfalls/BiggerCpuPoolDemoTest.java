package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Why the CPU pool is sized to the cores: more threads run "at once", but the cores do not multiply. */
@DisplayName("4.3 why not a bigger pool: threads beyond the cores add no cores")
@Tag("demo")
@Tag("step-4.3")
class BiggerCpuPoolDemoTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Duration CPU_PER_JOB = Duration.ofMillis(100);

    record Run(int poolSize, int jobs, int maxRunning, double wallMs, double cpuMs) {
        /** CPU time used per unit of wall time: how many cores were busy on average. */
        double busyCores() {
            return cpuMs / wallMs;
        }

        @Override
        public String toString() {
            return String.format("pool of %2d: %d jobs, at most %2d running at once, %4.0f ms wall, %4.0f ms CPU, %.2f cores busy",
                    poolSize, jobs, maxRunning, wallMs, cpuMs, busyCores());
        }
    }

    @Test
    @DisplayName("4.3 a CPU pool 4 times bigger than the cores runs 4 times more jobs at once, yet no more cores are busy")
    void moreThreadsThanCoresDoNotAddCores() throws Exception {
        int jobs = 4 * CORES;
        Run sized = run(CORES, jobs);
        Run bigger = run(4 * CORES, jobs);
        String report = String.format("on %d cores:%n  %s%n  %s", CORES, sized, bigger);
        System.out.println("4.3 " + report);

        assertThat(sized.maxRunning()).as(report).isLessThanOrEqualTo(CORES);
        assertThat(bigger.maxRunning()).as(report).isGreaterThan(CORES);
        for (Run run : List.of(sized, bigger)) {
            assertThat(run.busyCores()).as("no pool can keep more than %d cores busy: %s", CORES, report)
                    .isLessThanOrEqualTo(CORES * 1.05 + 0.1);
        }
    }

    private static Run run(int poolSize, int jobs) throws InterruptedException {
        CpuWork cpu = new CpuWork();
        ExecutorService pool = Executors.newFixedThreadPool(poolSize);
        try {
            long start = System.nanoTime();
            List<CompletableFuture<CpuWork.Hash>> hashes = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                String payload = "payload " + i;
                hashes.add(CompletableFuture.supplyAsync(() -> cpu.hashFor(payload, CPU_PER_JOB), pool));
            }
            double cpuMs = hashes.stream().mapToDouble(hash -> hash.orTimeout(30, TimeUnit.SECONDS).join().cpuMs()).sum();
            double wallMs = (System.nanoTime() - start) / 1_000_000.0;
            return new Run(poolSize, jobs, cpu.maxRunning(), wallMs, cpuMs);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("CPU pool threads ended").isTrue();
        }
    }
}
