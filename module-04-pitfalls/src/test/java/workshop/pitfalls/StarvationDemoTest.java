package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The symptom, on given code only: a small pool whose tasks wait for tasks queued in the same pool. */
@DisplayName("4.6 the pitfall: a pool that starves itself")
@Tag("demo")
@Tag("step-4.6")
class StarvationDemoTest {

    @Test
    @DisplayName("4.6 a fixed pool of 2 starves: 2 reports hold both threads while their 6 sections wait in the queue")
    void aSmallSharedPoolDeadlocks() throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(2,
                Thread.ofPlatform().name("shared-", 0).factory());
        try {
            List<Future<String>> reports = ReportJobs.submitReports(pool, pool, 2, 3);
            Waits.until("both threads held by a report and the 6 sections queued behind them", Duration.ofSeconds(5),
                    () -> pool.getActiveCount() == 2 && pool.getQueue().size() == 6,
                    () -> pool.getActiveCount() + " threads busy and " + pool.getQueue().size() + " tasks queued");

            ReportJobs.Outcome outcome = ReportJobs.await(reports, Duration.ofMillis(500)); // bounded: the symptom is a hang
            assertThat(outcome.finished()).as("reports finished within 500 ms by a starved pool").isZero();
            assertThat(pool.getQueue()).as("sections still queued behind the waiting reports").hasSize(6);
            System.out.printf("4.6 starvation: %d of %d reports finished; %d threads busy waiting, %d sections queued%n",
                    outcome.finished(), outcome.reports(), pool.getActiveCount(), pool.getQueue().size());
        } finally {
            pool.shutdownNow(); // interrupts the two waiting reports, so no thread outlives the test
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).as("the starved threads ended").isTrue();
        }
    }
}
