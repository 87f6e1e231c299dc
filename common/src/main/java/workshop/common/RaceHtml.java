package workshop.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the race as one self-contained HTML page (inline SVG, no scripts, no downloads), big
 * enough to project in a room: the table, then a timeline per model with every request as a bar.
 */
public final class RaceHtml {
    private static final int WIDTH = 900;
    private static final int LANE_HEIGHT = 140;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"};

    private RaceHtml() {
    }

    public static Path write(RaceReport report, String title, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(report, title), StandardCharsets.UTF_8);
        return file;
    }

    static String render(RaceReport report, String title) {
        List<RaceReport.Row> rows = report.rows();
        double slowest = rows.stream().mapToDouble(r -> r.burst().wallMs()).max().orElse(1);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}")
                .append("table{border-collapse:collapse;font-size:1.1rem}td,th{padding:.3rem .8rem;border-bottom:1px solid #ccc;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}h2{margin-top:2rem;font-size:1.2rem}")
                .append("svg{background:#fafafa;border:1px solid #ddd}</style></head><body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(report.summary()))
                .append(". Each timeline has its own time scale, so its shape shows; the grey bar above it")
                .append(" shows its wall time against the slowest model's.</p>\n");
        html.append("<table><tr><th>model</th><th>wall ms</th><th>ideal ms</th><th>efficiency</th>")
                .append("<th>max in flight</th><th>threads</th><th>errors</th></tr>\n");
        for (RaceReport.Row row : rows) {
            html.append(String.format("<tr><td>%s</td><td>%.0f</td><td>%.0f</td><td>%.0f%%</td><td>%d</td><td>%d</td><td>%d</td></tr>%n",
                    escape(row.model()), row.burst().wallMs(), row.idealMs(), 100 * row.efficiency(),
                    row.maxInFlight(), row.threadsUsed(), row.burst().failed()));
        }
        html.append("</table>\n");
        for (int i = 0; i < rows.size(); i++) {
            html.append(lane(rows.get(i), slowest, COLORS[i % COLORS.length]));
        }
        return html.append("</body></html>\n").toString();
    }

    /**
     * One model: a grey bar for its wall time against the slowest model, then each request as a
     * thin horizontal bar from its start to its end, one row per request, on the model's own scale.
     */
    private static String lane(RaceReport.Row row, double slowestMs, String color) {
        List<InFlightCounter.Span> spans = row.spans();
        double origin = spans.stream().mapToDouble(InFlightCounter.Span::startMs).min().orElse(0);
        double end = spans.stream().mapToDouble(InFlightCounter.Span::endMs).max().orElse(origin + 1);
        double scaleMs = Math.max(1, end - origin);
        double rowHeight = Math.max(0.5, (double) LANE_HEIGHT / Math.max(1, spans.size()));
        int top = 16;
        StringBuilder svg = new StringBuilder(String.format(
                "<h2>%s: wall %.0f ms, at most %d in flight, %d thread(s)</h2>%n"
                        + "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"timeline of %s\">%n",
                escape(row.model()), row.burst().wallMs(), row.maxInFlight(), row.threadsUsed(),
                WIDTH, LANE_HEIGHT + top + 20, WIDTH, LANE_HEIGHT + top + 20, escape(row.model())));
        svg.append(String.format("<rect x=\"0\" y=\"2\" width=\"%.1f\" height=\"8\" fill=\"#bbb\"/>%n",
                Math.max(1, row.burst().wallMs() / slowestMs * WIDTH)));
        for (int i = 0; i < spans.size(); i++) {
            InFlightCounter.Span span = spans.get(i);
            double x = (span.startMs() - origin) / scaleMs * WIDTH;
            double w = Math.max(1, span.durationMs() / scaleMs * WIDTH);
            svg.append(String.format("<rect x=\"%.1f\" y=\"%.2f\" width=\"%.1f\" height=\"%.2f\" fill=\"%s\"/>%n",
                    x, top + i * rowHeight, w, Math.max(0.5, rowHeight * 0.8), color));
        }
        svg.append(String.format("<text x=\"4\" y=\"%d\" font-size=\"12\">0 ms</text>", LANE_HEIGHT + top + 15));
        svg.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%.0f ms</text>%n",
                WIDTH - 4, LANE_HEIGHT + top + 15, scaleMs));
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
