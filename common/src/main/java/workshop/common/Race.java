package workshop.common;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kit's one race: the same burst of requests fired at each model in turn, each on a fresh
 * server after a warm-up, measured by {@link BurstClient} and printed as timelines and a table,
 * with an HTML page for a projector. Every race of the kit, each module's and the whole kit's,
 * runs through here; they differ only in their list of {@link RaceModel}s.
 *
 * <p>A burst that is one wait of up to a second is fired three times, each time at a fresh
 * server, and the fastest is shown ({@link BurstPlan#bursts()}), as Python's {@code timeit} does:
 * on a shared laptop a slower run mostly measures whatever else was using the cores, not the model.
 */
public final class Race {
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final Pattern TODO_STEP = Pattern.compile("TODO (\\d+\\.\\d+)");
    /** The warm-up's requests wait this long: long enough to take the model's waiting path, short enough to be many. */
    private static final long WARM_UP_MS = 1;
    /** Enough runs of a request's path for HotSpot's optimizing compiler to take it (its threshold is 5,000 calls). */
    private static final int WARM_UP_REQUESTS = 6_000;
    /** A model that serves one request at a time gets fewer: its race is a wait anyway. */
    private static final Duration WARM_UP_BUDGET = Duration.ofMillis(300);
    private static final int WARM_UP_CONNECTIONS = 100;
    private static final int MAX_REQUESTS = 20_000;
    /** The waits the race offers: the kit's endpoints accept 0 to 10,000 ms. */
    private static final int DEFAULT_MS = 100;
    private static final int MAX_MS = 10_000;

    private Race() {
    }

    /**
     * What a race's main method passes besides its arguments.
     *
     * @param title           the heading of the output and the page
     * @param models          the models to race, in order
     * @param defaultRequests the burst size without {@code --requests}
     * @param defaultHtml     the page's file without {@code --html}
     * @param wholeKit        true for the kit's race (its code switch is {@code -Dyours}), false for a module's ({@code -Psolutions})
     */
    public record Setup(String title, List<RaceModel> models, int defaultRequests, String defaultHtml, boolean wholeKit) {
    }

    /** Parses the options, races, prints, and writes the page; {@code --help} explains the options. */
    public static void main(String[] arguments, Setup setup) throws IOException {
        Args args = new Args(arguments);
        List<String> unknown = args.unknown(Set.of("requests", "ms", "only", "html", "code"), Set.of("help"));
        String code = codeNote(args.text("code", ""), setup.wholeKit());
        if (args.flag("help") || !unknown.isEmpty()) {
            if (!unknown.isEmpty()) {
                System.out.println("Unknown option(s): " + String.join(" ", unknown));
            }
            System.out.print(usage(setup, code));
            return;
        }
        int requests = args.number("requests", setup.defaultRequests());
        int ms = args.number("ms", DEFAULT_MS);
        if (requests < 1 || requests > MAX_REQUESTS || ms < 0 || ms > MAX_MS) {
            System.out.printf("--requests must be 1 to %,d and --ms 0 to %,d; got %d and %d.%n%s",
                    MAX_REQUESTS, MAX_MS, requests, ms, usage(setup, code));
            return;
        }
        List<RaceModel> models = only(setup.models(), args.text("only", ""));
        if (models.isEmpty()) {
            System.out.println("No model's name contains any of: " + args.text("only", "") + "\n" + usage(setup, code));
            return;
        }
        System.out.printf("%s%n%d requests at once, each waiting %d ms, against each model in turn, on a fresh server.%n%s%n%n",
                setup.title(), requests, ms, code);
        RaceReport report = run(models, requests, ms, System.out);
        System.out.print(report.render());
        Path html = RaceHtml.write(report, setup.title(), Path.of(args.text("html", setup.defaultHtml())));
        System.out.println("\nThe same race as a page for a projector: " + html.toAbsolutePath());
    }

    /** Which learner files race, and how to race the others, as the Maven command chose them. */
    private static String codeNote(String code, boolean wholeKit) {
        return switch (code) {
            case "finished" -> wholeKit
                    ? "Racing the finished code of every module (solutions/); add -Dyours to race your own code instead."
                    : "Racing the finished version (solutions/); leave out -Psolutions to race your own code.";
            case "yours" -> wholeKit
                    ? "Racing your own code from every module's src/exercise/java; leave out -Dyours to race the finished code."
                    : "Racing your own code (src/exercise/java); add -Psolutions to race the finished version.";
            case "yours-only" -> "Racing your own code from every module's src/exercise/java (this kit has no solutions/ folder).";
            default -> "";
        };
    }

    private static String usage(Setup setup, String codeNote) {
        return String.join(System.lineSeparator(),
                "",
                setup.title(),
                "Fires one burst of requests at each model below, one model at a time, and shows how they overlapped.",
                "",
                "Options (pass them with -Dkit.args=\"...\"):",
                "  --requests N   requests in the burst, all sent at once (default " + setup.defaultRequests() + ", at most " + MAX_REQUESTS + ")",
                "  --ms D         how long each request waits, in milliseconds (default " + DEFAULT_MS + ", 0 to " + MAX_MS + ")",
                "  --only WORDS   race only the models whose name contains one of the comma-separated WORDS",
                "  --html FILE    where to write the page for a projector (default " + setup.defaultHtml() + ")",
                "  --help         this text",
                "",
                codeNote + " A model whose code is not written yet shows as \"not built yet\" with its step.",
                "A model that serves a few requests at a time and would need more than "
                        + BurstPlan.SAMPLE_ABOVE.toSeconds() + " s gets a sample of whole waves; its full time is computed and marked *.",
                "Each model is warmed up first, on a server of its own; a burst that is one wait of up to "
                        + BurstPlan.REPEAT_UP_TO.toSeconds() + " s is fired " + BurstPlan.BURSTS + " times and the fastest is shown.",
                "",
                "Models:",
                String.join(System.lineSeparator(), setup.models().stream()
                        .map(m -> String.format("  %-40s %s", m.name(), m.idea())).toList()),
                "");
    }

    private static List<RaceModel> only(List<RaceModel> models, String words) {
        if (words.isBlank()) {
            return models;
        }
        List<String> wanted = Arrays.stream(words.split(",")).map(w -> w.trim().toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty()).toList();
        return models.stream()
                .filter(m -> wanted.stream().anyMatch(w -> m.name().toLowerCase(Locale.ROOT).contains(w)))
                .toList();
    }

    /** Races every model in turn, printing a progress line per model. */
    public static RaceReport run(List<RaceModel> models, int requests, long ms, PrintStream progress) {
        RaceReport report = new RaceReport(requests, ms);
        for (int i = 0; i < models.size(); i++) {
            RaceModel model = models.get(i);
            progress.printf("  [%d/%d] %-40s ", i + 1, models.size(), model.name());
            progress.flush();
            RaceReport.Row row = race(model, requests, ms);
            progress.println(row.summary());
            report.add(row);
        }
        return report;
    }

    /**
     * Races one model: a warm-up server first (one probe request, thousands of short ones, then the
     * burst with short waits), then the measured bursts ({@link BurstPlan#bursts()}), each at a
     * fresh server; the fastest is kept. A model whose code is not written yet is reported as such,
     * and a burst with errors is reported as it is, never replaced by a faster one.
     */
    public static RaceReport.Row race(RaceModel model, int requests, long ms) {
        BurstPlan plan = BurstPlan.of(requests, ms, model.capacity());
        String problem = warmUp(model, plan);
        if (problem != null) {
            return RaceReport.Row.skipped(model, plan, problem);
        }
        List<Double> walls = new ArrayList<>();
        RaceReport.Row fastest = null;
        for (int i = 0; i < plan.bursts(); i++) {
            RaceReport.Row row = measure(model, plan);
            if (!row.ran() || row.burst().failed() > 0) {
                return row;
            }
            walls.add(row.burst().wallMs());
            if (fastest == null || row.burst().wallMs() < fastest.burst().wallMs()) {
                fastest = row;
            }
        }
        return fastest.withBurstWalls(walls);
    }

    /** Fires one burst at a fresh server of the model. */
    private static RaceReport.Row measure(RaceModel model, BurstPlan plan) {
        RaceServer server;
        try {
            server = model.starter().start(ANY_PORT, plan.ms());
        } catch (Exception | Error e) {
            return RaceReport.Row.skipped(model, plan, notReady(describe(e)));
        }
        BurstClient.Result burst;
        try {
            burst = BurstClient.fire(server.address(), server.waitPath(), plan.sent(), plan.timeout());
        } finally {
            closeQuietly(server);
        }
        // Read after close(): a loop reports a slow task when the task ends, which can be after its answer left.
        InFlightCounter counter = server.counter();
        return RaceReport.Row.ran(model, plan, burst, counter.maxInFlight(), counter.threadsUsed(), counter.spans(),
                server.slowCallbacks().get());
    }

    /** Null when the model answered its probe and took the warm-up burst; otherwise why not. */
    private static String warmUp(RaceModel model, BurstPlan plan) {
        try (RaceServer server = model.starter().start(ANY_PORT, WARM_UP_MS)) {
            BurstPlan warmUp = BurstPlan.of(plan.sent(), WARM_UP_MS, model.capacity());
            BurstClient.Result probe = BurstClient.fire(server.address(), server.waitPath(), 1, warmUp.timeout(), false);
            if (probe.failed() > 0) {
                return notReady(probe.firstError());
            }
            WarmUpClient.run(server.address(), server.waitPath(), Math.min(warmUp.sent(), WARM_UP_CONNECTIONS),
                    WARM_UP_REQUESTS, WARM_UP_BUDGET);
            BurstClient.fire(server.address(), server.waitPath(), warmUp.sent(), warmUp.timeout(), false);
            return null;
        } catch (Exception | Error e) {
            return notReady(describe(e));
        }
    }

    /** "not built yet (step 1.5)" when the failure carries a starter's TODO, otherwise what went wrong. */
    static String notReady(String failure) {
        Matcher todo = TODO_STEP.matcher(failure);
        if (todo.find()) {
            return "not built yet (step " + todo.group(1) + ")";
        }
        String firstLine = failure.lines().findFirst().orElse("").strip();
        return "broken: " + (firstLine.length() > 120 ? firstLine.substring(0, 117) + "..." : firstLine);
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(' ');
        }
        return text.toString();
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("closing the server failed: " + e);
        }
    }
}
