package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("4.6 your fix: reportExecutor() and sectionPool()")
@Tag("exercise")
@Tag("step-4.6")
class StarvationFixTest {

    @Test
    @DisplayName("4.6 reportExecutor(): 8 reports that wait for 4 sections each, all on the same executor, all finish")
    void virtualThreadsNeverRunOut() throws Exception {
        ExecutorService executor = ThreadFixes.reportExecutor();
        try {
            ReportJobs.Outcome outcome = ReportJobs.await(ReportJobs.submitReports(executor, executor, 8, 4),
                    Duration.ofSeconds(10));

            assertThat(outcome.finished()).as("reports finished: %s", outcome.texts()).isEqualTo(8);
            System.out.println("4.6 reportExecutor(): " + outcome.finished() + " of 8 reports finished, for example \""
                    + outcome.texts().get(0) + "\"");
        } finally {
            shutDown(executor);
        }
    }

    @Test
    @DisplayName("4.6 sectionPool(): reports on a fixed pool of 2, sections on their own pool: all 4 reports finish")
    void aSeparatePoolForTheSections() throws Exception {
        ExecutorService reports = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("reports-", 0).factory());
        ExecutorService sections = ThreadFixes.sectionPool();
        try {
            ReportJobs.Outcome outcome = ReportJobs.await(ReportJobs.submitReports(reports, sections, 4, 3),
                    Duration.ofSeconds(10));

            assertThat(outcome.finished()).as("reports finished: %s", outcome.texts()).isEqualTo(4);
            assertThat(outcome.texts()).allSatisfy(text -> assertThat(text).doesNotContain("reports-"));
            System.out.println("4.6 sectionPool(): " + outcome.finished() + " of 4 reports finished, for example \""
                    + outcome.texts().get(0) + "\"");
        } finally {
            shutDown(reports);
            shutDown(sections);
        }
    }

    private static void shutDown(ExecutorService executor) throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).as("executor threads ended").isTrue();
    }
}
