package workshop.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints the race: one row per concurrency model (the same burst against each), then a
 * timeline per model, so the numbers and the picture sit side by side.
 */
public final class RaceReport {
    private static final int TIMELINE_ROWS = 12;

    private final int requests;
    private final long delayMs;
    private final List<Row> rows = new ArrayList<>();

    /** One model's result: what the clients measured and what the server's counter saw. */
    public record Row(String model, Burst.Result burst, double idealMs, int maxInFlight, int threadsUsed,
                      List<InFlightCounter.Span> spans) {
        public double efficiency() {
            return idealMs / burst.wallMs();
        }
    }

    public RaceReport(int requests, long delayMs) {
        this.requests = requests;
        this.delayMs = delayMs;
    }

    /** Records one model's run; the ideal is the delay itself: every request waiting at the same time. */
    public void add(String model, Burst.Result burst, InFlightCounter counter) {
        rows.add(new Row(model, burst, delayMs, counter.maxInFlight(), counter.threadsUsed(), counter.spans()));
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** "1000 requests at once, each waiting 100 ms". */
    public String summary() {
        return String.format("%d requests at once, each waiting %d ms", requests, delayMs);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nRace: %s%n%n", summary()));
        out.append(String.format("%-34s %10s %9s %10s %10s %8s %8s%n",
                "model", "wall ms", "ideal ms", "efficiency", "in flight", "threads", "errors"));
        for (Row row : rows) {
            out.append(String.format("%-34s %10.0f %9.0f %9.0f%% %10d %8d %8d%n", row.model(),
                    row.burst().wallMs(), row.idealMs(), 100 * row.efficiency(), row.maxInFlight(),
                    row.threadsUsed(), row.burst().failed()));
        }
        for (Row row : rows) {
            if (row.burst().failed() > 0) {
                out.append(String.format("  %s: first error: %s%n", row.model(), row.burst().firstError()));
            }
        }
        for (Row row : rows) {
            out.append(String.format("%n%s: %d requests, at most %d in flight, on %d thread(s)%n",
                    row.model(), row.spans().size(), row.maxInFlight(), row.threadsUsed()));
            out.append(Timeline.render(row.spans(), TIMELINE_ROWS));
        }
        return out.toString();
    }
}
