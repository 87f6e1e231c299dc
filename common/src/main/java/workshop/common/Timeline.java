package workshop.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws request spans as text bars, one line per request, so a learner can see at a glance
 * whether requests ran side by side or one after another:
 * <pre>
 * req 0 |#####                         |    0-102 ms
 * req 1 |     #####                    |  102-205 ms
 * </pre>
 */
public final class Timeline {
    private static final int WIDTH = 50;

    private Timeline() {
    }

    /** Draws every span (or an evenly spread sample of {@code maxRows}) on its own time scale. */
    public static String render(List<InFlightCounter.Span> spans, int maxRows) {
        return render(spans, maxRows, extentMs(spans));
    }

    /**
     * Draws the spans on a time axis of {@code axisMs} from the first start, so that timelines drawn
     * with the same axis can be compared at a glance; a bar that runs past the axis ends in {@code >}.
     */
    public static String render(List<InFlightCounter.Span> spans, int maxRows, double axisMs) {
        if (spans.isEmpty()) {
            return "  (no request reached the server)\n";
        }
        double start = spans.stream().mapToDouble(InFlightCounter.Span::startMs).min().orElse(0);
        double scale = Math.max(axisMs, 1e-3) / WIDTH;
        List<InFlightCounter.Span> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingDouble(InFlightCounter.Span::startMs));
        List<InFlightCounter.Span> shown = sample(ordered, maxRows);

        StringBuilder out = new StringBuilder();
        for (InFlightCounter.Span span : shown) {
            int from = (int) Math.min(WIDTH - 1, Math.floor((span.startMs() - start) / scale));
            double endColumn = Math.ceil((span.endMs() - start) / scale);
            int to = (int) Math.max(from + 1, Math.min(WIDTH, endColumn));
            String bar = "#".repeat(to - from);
            if (endColumn > WIDTH) {
                bar = bar.substring(1) + ">";
            }
            out.append(String.format("  req %-4d |%s%s%s| %6.0f-%-6s ms  %s%s%n", span.id(),
                    " ".repeat(from), bar, " ".repeat(WIDTH - to),
                    span.startMs() - start, span.open() ? "" : String.format("%.0f", span.endMs() - start),
                    span.thread().isEmpty() ? "thread #" + span.threadId() : span.thread(), span.open() ? "  (still in flight)" : ""));
        }
        if (shown.size() < ordered.size()) {
            out.append(String.format("  (%d of %d requests shown, evenly spread)%n", shown.size(), ordered.size()));
        }
        return out.toString();
    }

    private static double extentMs(List<InFlightCounter.Span> spans) {
        double start = spans.stream().mapToDouble(InFlightCounter.Span::startMs).min().orElse(0);
        double end = spans.stream().mapToDouble(InFlightCounter.Span::endMs).max().orElse(start);
        return end - start;
    }

    private static List<InFlightCounter.Span> sample(List<InFlightCounter.Span> spans, int maxRows) {
        if (spans.size() <= maxRows) {
            return spans;
        }
        List<InFlightCounter.Span> picked = new ArrayList<>();
        for (int row = 0; row < maxRows; row++) {
            picked.add(spans.get((int) Math.round(row * (spans.size() - 1) / (double) (maxRows - 1))));
        }
        return picked;
    }
}
