package workshop.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The race's results: one row per model, printed as timelines on one shared time axis, then a
 * table, then what each model stands for and what the event loops reported.
 */
public final class RaceReport {
    private static final int TIMELINE_ROWS = 12;

    private final int requests;
    private final long ms;
    private final List<Row> rows = new ArrayList<>();

    /**
     * One model's result: what the clients measured, and what the server's counter and loop saw.
     *
     * @param model         the model
     * @param plan          how its burst was fired (all of it, or a sample)
     * @param skipped       empty when the model raced; otherwise why not ("not built yet (step 1.5)")
     * @param burst         what the client measured (null when skipped)
     * @param maxInFlight   the most requests its handlers worked on at once
     * @param threadsUsed   how many threads started its requests
     * @param spans         each request's stay on the server
     * @param slowCallbacks what its event loop reported, if it has one
     * @param burstWallsMs  the wall time of every burst fired, in order (this row shows the fastest); empty when none ran clean
     */
    public record Row(RaceModel model, BurstPlan plan, String skipped, BurstClient.Result burst, int maxInFlight,
                      int threadsUsed, List<InFlightCounter.Span> spans, SlowCallbacks slowCallbacks,
                      List<Double> burstWallsMs) {

        static Row ran(RaceModel model, BurstPlan plan, BurstClient.Result burst, int maxInFlight, int threadsUsed,
                       List<InFlightCounter.Span> spans, SlowCallbacks slowCallbacks) {
            return new Row(model, plan, "", burst, maxInFlight, threadsUsed, spans, slowCallbacks, List.of());
        }

        static Row skipped(RaceModel model, BurstPlan plan, String why) {
            return new Row(model, plan, why, null, 0, 0, List.of(), SlowCallbacks.NO_LOOP, List.of());
        }

        /** This row, the fastest burst, with the wall times of all the bursts fired. */
        Row withBurstWalls(List<Double> wallsMs) {
            return new Row(model, plan, skipped, burst, maxInFlight, threadsUsed, spans, slowCallbacks, List.copyOf(wallsMs));
        }

        public boolean ran() {
            return skipped.isEmpty();
        }

        /** The whole burst's wall time: measured, or computed from the sample. */
        public double wallMs() {
            return plan.fullWallMs(burst.wallMs());
        }

        /** Ideal over actual: 1.0 means every request waited side by side and nothing else took time. */
        public double efficiency() {
            return plan.ms() / wallMs();
        }

        /** The progress line's verdict. */
        public String summary() {
            if (!ran()) {
                return skipped;
            }
            String errors = burst.failed() == 0 ? "" : String.format(", %d errors", burst.failed());
            if (plan.sampled()) {
                return String.format("%,.0f ms for a sample of %d; all %d: about %,.0f ms%s",
                        burst.wallMs(), plan.sent(), plan.requests(), wallMs(), errors);
            }
            if (burstWallsMs.size() > 1) {
                return String.format("%,.0f ms, the fastest of %d bursts (%s ms)%s", burst.wallMs(), burstWallsMs.size(),
                        String.join(", ", burstWallsMs.stream().map(w -> String.format("%,.0f", w)).toList()), errors);
            }
            return String.format("%,.0f ms%s", burst.wallMs(), errors);
        }
    }

    public RaceReport(int requests, long ms) {
        this.requests = requests;
        this.ms = ms;
    }

    public void add(Row row) {
        rows.add(row);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public long ms() {
        return ms;
    }

    /** "100 requests at once, each waiting 100 ms". */
    public String summary() {
        return String.format("%d requests at once, each waiting %d ms", requests, ms);
    }

    /**
     * The time axis every timeline shares: long enough for the slowest model that sent its whole
     * burst. A sampled model would stretch it for nothing, so it is drawn clipped instead.
     */
    public double axisMs() {
        return rows.stream().filter(r -> r.ran() && !r.plan().sampled())
                .mapToDouble(r -> r.burst().wallMs()).max().orElse(Math.max(1, ms));
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        if (rows.stream().anyMatch(Row::ran)) {
            double axis = axisMs();
            out.append(String.format("%nTimelines, every model on one time axis of %,.0f ms (a bar that runs off the right edge goes on):%n", axis));
            for (Row row : rows) {
                out.append(String.format("%n%s%n", heading(row)));
                if (row.ran()) {
                    out.append(Timeline.render(row.spans(), TIMELINE_ROWS, axis));
                }
            }
        }
        out.append(String.format("%nRace: %s%n%n", summary()));
        out.append(String.format("%-40s %9s %9s %10s %10s %8s %7s%n",
                "model", "wall ms", "ideal ms", "efficiency", "in flight", "threads", "errors"));
        for (Row row : rows) {
            out.append(tableLine(row));
        }
        footnotes(out);
        out.append(String.format("%nWhich idea of the lesson each model stands for:%n"));
        rows.forEach(r -> out.append(String.format("  %-40s %s%n", r.model().name(), r.model().idea())));
        List<Row> loops = rows.stream().filter(r -> r.ran() && r.slowCallbacks().fromALoop()).toList();
        if (!loops.isEmpty()) {
            out.append(String.format("%nWhat each event loop's slow-callback detector reported:%n"));
            loops.forEach(r -> out.append(String.format("  %-40s %s%n", r.model().name(), r.slowCallbacks())));
        }
        return out.toString();
    }

    private static String heading(Row row) {
        if (!row.ran()) {
            return row.model().name() + ": " + row.skipped();
        }
        return String.format("%s: %d requests%s, at most %d in flight, on %d thread(s), wall %,.0f ms%s",
                row.model().name(), row.spans().size(), row.plan().sampled() ? " (a sample)" : "",
                row.maxInFlight(), row.threadsUsed(), row.burst().wallMs(),
                row.plan().sampled() ? String.format(" (all %d: about %,.0f ms)", row.plan().requests(), row.wallMs()) : "");
    }

    private String tableLine(Row row) {
        if (!row.ran()) {
            return String.format("%-40s %s%n", row.model().name(), row.skipped());
        }
        String wall = String.format("%,.0f%s", row.wallMs(), row.plan().sampled() ? "*" : " ");
        String efficiency = ms == 0 ? "-" : String.format("%.0f%%", 100 * row.efficiency());
        return String.format("%-40s %10s %8d %10s %10d %8d %7d%n", row.model().name(), wall, ms, efficiency,
                row.maxInFlight(), row.threadsUsed(), row.burst().failed());
    }

    /** True when some model's burst was fired more than once, so its wall time is the fastest of them. */
    boolean anyRepeatedBurst() {
        return rows.stream().anyMatch(r -> r.burstWallsMs().size() > 1);
    }

    private void footnotes(StringBuilder out) {
        if (anyRepeatedBurst()) {
            out.append(String.format("  wall ms: for a burst that is one wait, the fastest of %d, each at a fresh server after a"
                    + " warm-up (the progress lines above list them); waves and samples are fired once.%n", BurstPlan.BURSTS));
        }
        for (Row row : rows) {
            if (row.ran() && row.plan().sampled()) {
                out.append(String.format("  * %s: computed from a sample of %d of the %d requests (%d of %d waves of %s);"
                                + " the sample took %,.0f ms.%n",
                        row.model().name(), row.plan().sent(), row.plan().requests(), row.plan().wavesSent(),
                        row.plan().wavesFull(), row.model().capacity() == 1 ? "one request" : row.model().capacity() + " requests",
                        row.burst().wallMs()));
            }
            if (row.ran() && row.burst().failed() > 0) {
                out.append(String.format("  %s: %d of %d requests failed; the first: %s%n", row.model().name(),
                        row.burst().failed(), row.burst().requests(), row.burst().firstError()));
            }
        }
    }
}
