package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why the CPU pool is sized to the cores: a bigger pool runs more jobs "at once", but the cores do
 * not multiply, so the jobs done per second stay capped at what the cores can do.
 *
 * <p>What the test asserts is what holds on any machine, idle or busy: how many jobs each pool ran
 * at once (a gate makes that exact), and that neither pool did more CPU work per second than the
 * cores can. It does not assert that the bigger pool is no faster than the small one: on a machine
 * that other programs keep busy, the OS shares the cores out per thread, so 8 threads win a larger
 * share from the others than 2 do, and the bigger pool may well finish sooner. That share is taken
 * from other programs, never added to the cores; the test prints it so you can see both.
 */
@DisplayName("4.3 why not a bigger pool: threads beyond the cores add no cores")
@Tag("demo")
@Tag("step-4.3")
class BiggerCpuPoolDemoTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Duration CPU_PER_JOB = Duration.ofMillis(100);
    /** The most jobs per second the cores can do: each job needs CPU_PER_JOB of one core. */
    private static final double CAP_JOBS_PER_SECOND = CORES * 1000.0 / CPU_PER_JOB.toMillis();

    record Run(int poolSize, int jobs, int maxRunning, double wallMs, double cpuMs, double jobWallMs) {
        /** CPU time used per unit of wall time: how many cores were busy on average. */
        double busyCores() {
            return cpuMs / wallMs;
        }

        double jobsPerSecond() {
            return jobs * 1000.0 / wallMs;
        }

        @Override
        public String toString() {
            return String.format("pool of %2d: at most %2d jobs at once, %d jobs in %4.0f ms: %4.1f jobs/s, %.2f cores busy;"
                            + " a job took %4.0f ms for its %d ms of CPU",
                    poolSize, maxRunning, jobs, wallMs, jobsPerSecond(), busyCores(), jobWallMs, CPU_PER_JOB.toMillis());
        }
    }

    @Test
    @DisplayName("4.3 a CPU pool 4 times bigger than the cores runs 4 times more jobs at once, yet its jobs per second"
            + " stay capped at what the cores can do")
    void moreThreadsThanCoresDoNotAddCores() throws Exception {
        int jobs = 4 * CORES;
        Run sized = run(CORES, jobs);
        Run bigger = run(4 * CORES, jobs);
        String report = String.format("on %d cores, %d jobs of %d ms of CPU each; the cores can do at most %.0f jobs/s:%n  %s%n  %s",
                CORES, jobs, CPU_PER_JOB.toMillis(), CAP_JOBS_PER_SECOND, sized, bigger);
        System.out.println("4.3 " + report);
        System.out.println(bigger.wallMs() < 0.8 * sized.wallMs()
                ? String.format("    The bigger pool finished sooner: other programs are using this machine, and the OS shares"
                        + " the cores out per thread, so %d threads took a larger share from them than %d. A larger share"
                        + " of the same cores, taken from others: still no more than the cores.", bigger.poolSize(), sized.poolSize())
                : "    The bigger pool finished no sooner: its jobs only took turns on the same cores, each one slower.");

        assertThat(sized.maxRunning()).as("jobs at once on a pool of %d: %s", CORES, report).isEqualTo(CORES);
        assertThat(bigger.maxRunning()).as("jobs at once on a pool of %d: %s", 4 * CORES, report).isEqualTo(4 * CORES);
        for (Run run : List.of(sized, bigger)) {
            assertThat(run.jobsPerSecond())
                    .as("expected no pool to do more than the %d cores can, %.0f jobs/s (%.2f cores busy at most), but"
                            + " the %s", CORES, CAP_JOBS_PER_SECOND, (double) CORES, run)
                    .isLessThanOrEqualTo(CAP_JOBS_PER_SECOND * 1.05);
        }
    }

    /**
     * Runs {@code jobs} hash jobs on a fixed pool of {@code poolSize}. The first {@code poolSize} jobs
     * wait at a gate until all of them have started, so the pool really runs that many at once; the
     * clock runs from the moment the first job starts hashing to the moment the last one ends, so all
     * the CPU time measured was used inside that wall time.
     */
    private static Run run(int poolSize, int jobs) throws InterruptedException {
        CpuWork cpu = new CpuWork();
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, Thread.ofPlatform().name("demo-cpu-", 0).factory());
        CountDownLatch allStarted = new CountDownLatch(Math.min(poolSize, jobs));
        AtomicLong start = new AtomicLong(Long.MAX_VALUE);
        AtomicLong end = new AtomicLong();
        try {
            List<CompletableFuture<Double>> jobWallMs = new ArrayList<>();
            List<CompletableFuture<CpuWork.Hash>> hashes = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                String payload = "payload " + i;
                CompletableFuture<Double> took = new CompletableFuture<>();
                jobWallMs.add(took);
                hashes.add(CompletableFuture.supplyAsync(() -> {
                    allStarted.countDown();
                    awaitQuietly(allStarted);
                    long began = System.nanoTime();
                    start.accumulateAndGet(began, Math::min);
                    CpuWork.Hash hash = cpu.hashFor(payload, CPU_PER_JOB);
                    long ended = System.nanoTime();
                    end.accumulateAndGet(ended, Math::max);
                    took.complete((ended - began) / 1_000_000.0);
                    return hash;
                }, pool));
            }
            double cpuMs = 0;
            for (CompletableFuture<CpuWork.Hash> hash : hashes) {
                cpuMs += hash.get(30, TimeUnit.SECONDS).cpuMs();
            }
            double meanJobWallMs = jobWallMs.stream().mapToDouble(CompletableFuture::join).average().orElse(0);
            return new Run(poolSize, jobs, cpu.maxRunning(), (end.get() - start.get()) / 1_000_000.0, cpuMs, meanJobWallMs);
        } catch (Exception e) {
            throw new AssertionError("the demo's jobs did not end within 30 s: " + e, e);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("CPU pool threads ended").isTrue();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every pool thread started within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate", e);
        }
    }
}
