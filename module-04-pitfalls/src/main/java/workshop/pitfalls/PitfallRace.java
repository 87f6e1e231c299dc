package workshop.pitfalls;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workshop.common.Args;
import workshop.common.Burst;
import workshop.common.RaceHtml;
import workshop.common.RaceReport;
import workshop.loop.EventLoop;
import workshop.loop.SlowCallback;
import workshop.loop.http.ServerOptions;

/**
 * Module 04's race: the same burst against each broken handler and its fix, on the same event
 * loop, printed as the kit's table and timelines, plus what the loop's slow-callback detector saw.
 *
 * <p>{@code ../mvnw -q -Psolutions compile exec:exec@race -Dkit.args="--requests 100 --ms 100"}
 */
public final class PitfallRace {
    private PitfallRace() {
    }

    /** One contestant: a model name and the path (without query) that serves it. */
    private record Model(String name, String path) {
    }

    public static void main(String[] arguments) throws IOException {
        Args args = new Args(arguments);
        int requests = args.number("requests", 100);
        int ms = args.number("ms", 100);
        List<Model> models = List.of(
                new Model("4.1 Thread.sleep on the loop", "/blocking/?ms=" + ms),
                new Model("4.1 loop.sleep (fixed)", "/slow/?ms=" + ms),
                new Model("4.2 legacy call on the loop", "/legacy-blocking/?key=k"),
                new Model("4.2 legacy call offloaded (fixed)", "/legacy/?key=k"));
        race(new RaceReport(requests, 1), new Model("warm-up (not shown)", "/sync/"), requests, 1);
        RaceReport report = new RaceReport(requests, ms);
        List<String> detector = new ArrayList<>();
        for (Model model : models) {
            detector.add(race(report, model, requests, ms));
        }
        System.out.println(report.render());
        System.out.println("What the loop's slow-callback detector reported (threshold " + EventLoop.DEFAULT_SLOW_CALLBACK.toMillis() + " ms):");
        detector.forEach(line -> System.out.println("  " + line));
        Path html = RaceHtml.write(report, "Module 04 race: each pitfall against its fix, on one event loop",
                Path.of(args.text("html", "target/race-module-04.html")));
        System.out.println("Timelines for a projector: " + html.toAbsolutePath());
    }

    /** Runs one burst against a fresh server, so each model starts cold and alone; returns the detector's summary. */
    private static String race(RaceReport report, Model model, int requests, int ms) {
        System.out.printf("racing %-34s ...%n", model.name());
        PitfallServer.Settings settings = PitfallServer.Settings.defaults().withLegacyLatency(Duration.ofMillis(ms));
        try (PitfallServer server = PitfallServer.start(ServerOptions.defaults(), settings)) {
            Duration timeout = Duration.ofMillis(60_000L + (long) requests * ms);
            Burst.Result burst = Burst.fire(server.uri().resolve(model.path()), requests, timeout);
            report.add(model.name(), burst, server.counter());
            List<SlowCallback> slow = server.slowCallbacks();
            double longest = slow.stream().mapToDouble(SlowCallback::durationMs).max().orElse(0);
            return String.format("%-34s %4d slow callbacks%s", model.name(), slow.size(),
                    slow.isEmpty() ? "" : String.format(", the longest %.0f ms (%s)", longest, slow.get(0).name()));
        }
    }
}
