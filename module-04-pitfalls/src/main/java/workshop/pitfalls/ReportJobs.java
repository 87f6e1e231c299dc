package workshop.pitfalls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Jobs that wait for jobs: each report task splits its work into section tasks, submits them,
 * and blocks until they are done. Harmless when the sections get threads of their own; a
 * deadlock when every thread of a small pool holds a report that waits for sections queued
 * behind it in the same pool (thread-pool starvation).
 */
public final class ReportJobs {
    private ReportJobs() {
    }

    /** How a batch of reports ended within the wait: how many finished, and what they said. */
    public record Outcome(int reports, int finished, List<String> texts) {
        public boolean allFinished() {
            return finished == reports;
        }
    }

    /**
     * Submits {@code reports} report tasks to {@code reportPool}; their sections go to
     * {@code sectionPool}. The reports start forking only once the whole batch is submitted, like a
     * burst of requests arriving together, so the outcome never depends on who was quicker.
     */
    public static List<Future<String>> submitReports(ExecutorService reportPool, ExecutorService sectionPool,
                                                     int reports, int sections) {
        CountDownLatch batchSubmitted = new CountDownLatch(1);
        List<Future<String>> submitted = new ArrayList<>();
        for (int report = 0; report < reports; report++) {
            int number = report;
            submitted.add(reportPool.submit(() -> {
                batchSubmitted.await();
                return buildReport(number, sectionPool, sections);
            }));
        }
        batchSubmitted.countDown();
        return submitted;
    }

    /** One report: fork the sections, then block until each one is done. */
    static String buildReport(int report, ExecutorService sectionPool, int sections)
            throws InterruptedException, ExecutionException {
        List<Future<String>> parts = new ArrayList<>();
        for (int section = 0; section < sections; section++) {
            int number = section;
            parts.add(sectionPool.submit(() -> "section " + number + " on " + ThreadNames.current()));
        }
        StringBuilder text = new StringBuilder("report ").append(report).append(":");
        for (Future<String> part : parts) {
            text.append(' ').append(part.get()); // blocks this thread until a thread is free to run the section
        }
        return text.toString();
    }

    /** Waits at most {@code atMost} in total for the reports, so a starved pool ends the wait, not the program. */
    public static Outcome await(List<Future<String>> reports, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<String> texts = new ArrayList<>();
        for (Future<String> report : reports) {
            try {
                texts.add(report.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException | ExecutionException e) {
                // not finished (or failed): counted as missing
            }
        }
        return new Outcome(reports.size(), texts.size(), texts);
    }
}
