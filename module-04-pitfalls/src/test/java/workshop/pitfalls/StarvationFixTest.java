package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("4.6 your fix: reportExecutor() and sectionPool()")
@Tag("exercise")
@Tag("step-4.6")
class StarvationFixTest {
    /** Far longer than a few dozen tiny tasks take on any laptop; a starved pool never finishes at all. */
    private static final Duration ALL_DONE_WITHIN = Duration.ofSeconds(3);

    @Test
    @DisplayName("4.6 reportExecutor(): 8 reports that wait for 4 sections each, all on the same executor, all finish")
    void virtualThreadsNeverRunOut() throws Exception {
        ExecutorService executor = ThreadFixes.reportExecutor();
        try {
            ReportJobs.Outcome outcome = ReportJobs.await(ReportJobs.submitReports(executor, executor, 8, 4), ALL_DONE_WITHIN);

            assertThat(outcome.finished())
                    .as("expected all 8 reports to finish within %d s, each waiting for 4 sections submitted to the same"
                            + " executor, but %d did (%s): every thread that could run a section was held by a report"
                            + " waiting for one (thread-pool starvation). reportExecutor() must never run out of threads"
                            + " for waiting reports: a thread per task, not a fixed pool (README.md, step 4.6)",
                            ALL_DONE_WITHIN.toSeconds(), outcome.finished(), describe(executor))
                    .isEqualTo(8);
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
            ReportJobs.Outcome outcome = ReportJobs.await(ReportJobs.submitReports(reports, sections, 4, 3), ALL_DONE_WITHIN);

            assertThat(outcome.finished())
                    .as("expected all 4 reports to finish within %d s, with their sections on sectionPool(), but %d did"
                            + " (%s): the sections must run on threads no waiting report can hold, a small pool of their own"
                            + " (README.md, step 4.6)", ALL_DONE_WITHIN.toSeconds(), outcome.finished(), describe(sections))
                    .isEqualTo(4);
            assertThat(outcome.texts())
                    .as("expected every section to run on sectionPool(), not on the reports' own pool: %s", outcome.texts())
                    .allSatisfy(text -> assertThat(text).doesNotContain("reports-"));
            System.out.println("4.6 sectionPool(): " + outcome.finished() + " of 4 reports finished, for example \""
                    + outcome.texts().get(0) + "\"");
        } finally {
            shutDown(reports);
            shutDown(sections);
        }
    }

    private static String describe(ExecutorService executor) {
        if (executor instanceof ThreadPoolExecutor pool) {
            return String.format("a pool of %d threads, %d busy, %d tasks queued", pool.getPoolSize(), pool.getActiveCount(),
                    pool.getQueue().size());
        }
        return executor.getClass().getSimpleName();
    }

    private static void shutDown(ExecutorService executor) throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).as("executor threads ended").isTrue();
    }
}
