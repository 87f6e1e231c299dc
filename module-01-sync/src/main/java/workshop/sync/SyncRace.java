package workshop.sync;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import workshop.common.Args;
import workshop.common.Burst;
import workshop.common.JdkHttpServer;
import workshop.common.RaceHtml;
import workshop.common.RaceReport;

/**
 * Module 01's race: the same burst of blocking {@code /slow/} requests against each executor,
 * printed as a table and a timeline per executor.
 *
 * <p>{@code ../mvnw -q -Psolutions compile exec:exec@race -Dkit.args="--requests 100 --ms 200"}
 */
public final class SyncRace {
    private SyncRace() {
    }

    public static void main(String[] arguments) throws IOException {
        Args args = new Args(arguments);
        int requests = args.number("requests", 100);
        int ms = args.number("ms", 200);
        int threads = args.number("threads", 40);
        race(new RaceReport(requests, 1), "warm-up (not shown)", ServerExecutors.threadPerRequest(), requests, 1);
        RaceReport report = new RaceReport(requests, ms);
        race(report, "dispatcher thread only", null, requests, ms);
        race(report, "fixed pool of " + threads, ServerExecutors.fixedPool(threads), requests, ms);
        race(report, "thread per request", ServerExecutors.threadPerRequest(), requests, ms);
        System.out.println(report.render());
        Path html = RaceHtml.write(report, "Module 01 race: blocking requests on three executors",
                Path.of(args.text("html", "target/race-module-01.html")));
        System.out.println("Timelines for a projector: " + html.toAbsolutePath());
    }

    /** Runs one burst against a fresh server, so each model starts cold and alone. */
    static void race(RaceReport report, String model, ExecutorService executor, int requests, int ms)
            throws IOException {
        System.out.printf("racing %-28s ...%n", model);
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), executor)) {
            Duration timeout = Duration.ofMillis(60_000L + (long) requests * ms);
            Burst.Result burst = Burst.fire(server.uri().resolve("/slow/?ms=" + ms), requests, timeout);
            report.add(model, burst, server.counter());
        }
    }
}
