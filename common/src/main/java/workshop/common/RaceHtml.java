package workshop.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the race as one self-contained HTML page (inline SVG, no scripts, no downloads) for a
 * projector: the table, then every model on one shared time axis, each request a bar from the
 * moment its handler started to the moment its answer was ready. Waves, a single wave and a
 * queue then look different at a glance, without reading a number.
 */
public final class RaceHtml {
    private static final int LEFT = 30;
    private static final int PLOT_WIDTH = 1000;
    private static final int AXIS_HEIGHT = 30;
    private static final int TITLE_HEIGHT = 22;
    private static final int LANE_HEIGHT = 80;
    private static final int LANE_GAP = 14;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
        "#8c564b", "#e377c2", "#7f7f7f"};

    private RaceHtml() {
    }

    public static Path write(RaceReport report, String title, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Files.writeString(absolute, render(report, title), StandardCharsets.UTF_8);
        return absolute;
    }

    static String render(RaceReport report, String title) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}")
                .append("table{border-collapse:collapse;font-size:1.1rem}td,th{padding:.3rem .8rem;border-bottom:1px solid #ccc;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}svg{background:#fafafa;border:1px solid #ddd;max-width:100%;height:auto}")
                .append("</style></head><body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(report.summary()))
                .append(". Every model is drawn on the same time axis; each bar is one request, from the moment its")
                .append(" handler started to the moment its answer was ready.")
                .append(report.anyRepeatedBurst()
                        ? String.format(" A burst that is one wait was fired %d times, each at a fresh server, and the fastest is"
                                + " shown.", BurstPlan.BURSTS) : "")
                .append("</p>\n");
        table(html, report);
        html.append(timelines(report));
        return html.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder html, RaceReport report) {
        html.append("<table><tr><th>model</th><th>wall ms</th><th>ideal ms</th><th>efficiency</th>")
                .append("<th>max in flight</th><th>threads</th><th>errors</th></tr>\n");
        for (RaceReport.Row row : report.rows()) {
            if (!row.ran()) {
                html.append(String.format("<tr><td>%s</td><td colspan=\"6\">%s</td></tr>%n",
                        escape(row.model().name()), escape(row.skipped())));
                continue;
            }
            html.append(String.format("<tr><td>%s</td><td>%,.0f%s</td><td>%d</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td></tr>%n",
                    escape(row.model().name()), row.wallMs(), row.plan().sampled() ? " (computed)" : "", report.ms(),
                    report.ms() == 0 ? "-" : String.format("%.0f%%", 100 * row.efficiency()),
                    row.maxInFlight(), row.threadsUsed(), row.burst().failed()));
        }
        html.append("</table>\n");
    }

    /** One SVG: a time axis with grid lines, then a lane per model, all on the same scale. */
    private static String timelines(RaceReport report) {
        List<RaceReport.Row> rows = report.rows();
        double axisMs = report.axisMs();
        double pxPerMs = PLOT_WIDTH / axisMs;
        int height = AXIS_HEIGHT + rows.size() * (TITLE_HEIGHT + LANE_HEIGHT + LANE_GAP);
        int width = LEFT + PLOT_WIDTH + 20;
        StringBuilder svg = new StringBuilder(String.format(
                "<svg id=\"race\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"every model's"
                        + " requests on one time axis\" data-axis-ms=\"%.0f\">%n", width, height, width, height, axisMs));
        double step = tickStep(axisMs);
        for (double t = 0; t <= axisMs + 1e-9; t += step) {
            double x = LEFT + t * pxPerMs;
            svg.append(String.format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%,.0f ms</text>%n",
                    x, AXIS_HEIGHT - 8, x, height, x, AXIS_HEIGHT - 12, t));
        }
        int top = AXIS_HEIGHT;
        for (int i = 0; i < rows.size(); i++) {
            svg.append(lane(rows.get(i), top, pxPerMs, COLORS[i % COLORS.length]));
            top += TITLE_HEIGHT + LANE_HEIGHT + LANE_GAP;
        }
        return svg.append("</svg>\n").toString();
    }

    /** One model: its title, then each request as a thin bar, one row per request in the order they started. */
    private static String lane(RaceReport.Row row, int top, double pxPerMs, String color) {
        StringBuilder g = new StringBuilder(String.format("<g class=\"lane\" data-model=\"%s\" data-requests=\"%d\">%n",
                escape(row.model().name()), row.ran() ? row.plan().sent() : 0));
        if (!row.ran()) {
            g.append(text(top + 16, "bold", row.model().name() + ": " + row.skipped()));
            return g.append("</g>\n").toString();
        }
        g.append(text(top + 16, "bold", row.plan().sampled()
                ? String.format("%s: at most %d in flight; all %d would take about %,.0f ms (computed from a sample of %d), off the right edge",
                        row.model().name(), row.maxInFlight(), row.plan().requests(), row.wallMs(), row.plan().sent())
                : String.format("%s: wall %,.0f ms, at most %d in flight, %d thread(s)",
                        row.model().name(), row.burst().wallMs(), row.maxInFlight(), row.threadsUsed())));
        List<InFlightCounter.Span> spans = new ArrayList<>(row.spans());
        spans.sort(Comparator.comparingDouble(InFlightCounter.Span::startMs));
        double origin = spans.isEmpty() ? 0 : spans.get(0).startMs();
        double rowHeight = (double) LANE_HEIGHT / Math.max(1, spans.size());
        int laneTop = top + TITLE_HEIGHT;
        double rightEdge = LEFT + PLOT_WIDTH;
        for (int i = 0; i < spans.size(); i++) {
            InFlightCounter.Span span = spans.get(i);
            double x = Math.min(rightEdge - 1, LEFT + (span.startMs() - origin) * pxPerMs);
            double end = Math.min(rightEdge, LEFT + (span.endMs() - origin) * pxPerMs);
            g.append(String.format("<rect class=\"request\" x=\"%.1f\" y=\"%.2f\" width=\"%.1f\" height=\"%.2f\" fill=\"%s\"/>%n",
                    x, laneTop + i * rowHeight, Math.max(1, end - x), Math.max(0.3, rowHeight * 0.8), color));
        }
        return g.append("</g>\n").toString();
    }

    private static String text(int y, String weight, String content) {
        return String.format("<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"%s\">%s</text>%n",
                LEFT, y, weight, escape(content));
    }

    /** A round grid step (1, 2 or 5 times a power of ten) that draws at most ten lines across the axis. */
    private static double tickStep(double axisMs) {
        for (double power = 1; ; power *= 10) {
            for (int factor : new int[] {1, 2, 5}) {
                if (axisMs / (factor * power) <= 10) {
                    return factor * power;
                }
            }
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
