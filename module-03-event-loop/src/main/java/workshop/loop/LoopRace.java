package workshop.loop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import workshop.common.Args;
import workshop.common.Burst;
import workshop.common.InFlightCounter;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;
import workshop.common.Millis;
import workshop.common.RaceReport;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;

/**
 * Module 03's race: the same burst of {@code /slow/} requests against your event loop (one
 * thread, timers) and against the earlier models on the JDK's server (a pool of 40 threads that
 * sleep, and a virtual thread per request).
 *
 * <p>{@code ../mvnw -q -Psolutions compile exec:exec@race -Dkit.args="--requests 1000 --ms 100"}
 */
public final class LoopRace {
    private LoopRace() {
    }

    public static void main(String[] arguments) throws IOException {
        Args args = new Args(arguments);
        int requests = args.number("requests", 1000);
        int ms = args.number("ms", 100);
        int threads = args.number("threads", 40);
        RaceReport report = new RaceReport(requests, ms);
        raceJdk(report, "JDK server, pool of " + threads, Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("pool-", 0).factory()), requests, ms);
        raceJdk(report, "JDK server, virtual threads", Executors.newVirtualThreadPerTaskExecutor(), requests, ms);
        raceLoop(report, "hand-built event loop, 1 thread", requests, ms);
        System.out.println(report.render());
    }

    /** Blocking handlers on the JDK's server: each request holds its thread while it sleeps. */
    static void raceJdk(RaceReport report, String model, ExecutorService executor, int requests, int ms)
            throws IOException {
        System.out.printf("racing %-34s ...%n", model);
        try (JdkHttpServer server = JdkHttpServer.create(new InetSocketAddress("127.0.0.1", 0), executor)
                .route("GET", "/slow/", query -> {
                    Thread.sleep(Millis.parse(query.get("ms")));
                    return JsonResponse.ok("message", "done");
                })
                .start()) {
            fire(report, model, server.uri().resolve("/slow/?ms=" + ms), requests, ms, server.counter());
        }
    }

    /** The loop: each request leaves a timer behind and the one thread moves on. */
    static void raceLoop(RaceReport report, String model, int requests, int ms) {
        System.out.printf("racing %-34s ...%n", model);
        try (LoopHttpServer server = LoopServer.start(ServerOptions.defaults())) {
            fire(report, model, server.uri().resolve("/slow/?ms=" + ms), requests, ms, server.counter());
        }
    }

    private static void fire(RaceReport report, String model, java.net.URI uri, int requests, int ms,
                             InFlightCounter counter) {
        Duration timeout = Duration.ofMillis(60_000L + (long) requests * ms);
        Burst.Result burst = Burst.fire(uri, requests, timeout);
        report.add(model, burst, counter);
    }
}
