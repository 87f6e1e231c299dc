package workshop.async;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import workshop.common.Args;
import workshop.common.Burst;
import workshop.common.JdkHttpServer;
import workshop.common.RaceReport;

/**
 * Module 02's race: the same burst of {@code /slow/} requests against a pool of platform
 * threads, against virtual threads (both running the blocking handler), and against the async
 * handler on the dispatcher thread alone, printed as a table and a timeline per model.
 *
 * <p>{@code ../mvnw -q -Psolutions compile exec:exec@race -Dkit.args="--requests 1000 --ms 100"}
 */
public final class AsyncRace {
    private AsyncRace() {
    }

    /** Starts one model's server on a free port. */
    @FunctionalInterface
    interface ServerStarter {
        JdkHttpServer start(InetSocketAddress address) throws IOException;
    }

    public static void main(String[] arguments) throws IOException {
        Args args = new Args(arguments);
        int requests = args.number("requests", 1000);
        int ms = args.number("ms", 100);
        int threads = args.number("threads", 40);
        RaceReport report = new RaceReport(requests, ms);
        race(report, "fixed pool of " + threads + " (blocking)", requests, ms,
                address -> BlockingServer.start(address, BlockingServer.platformPool(threads)));
        race(report, "virtual threads (blocking)", requests, ms,
                address -> BlockingServer.start(address, VirtualThreads.perTask()));
        race(report, "CompletableFuture, dispatcher only", requests, ms, AsyncServer::start);
        System.out.println(report.render());
    }

    /** Runs one burst against a fresh server, so each model starts cold and alone. */
    static void race(RaceReport report, String model, int requests, int ms, ServerStarter starter) throws IOException {
        System.out.printf("racing %-36s ...%n", model);
        try (JdkHttpServer server = starter.start(new InetSocketAddress("127.0.0.1", 0))) {
            Duration timeout = Duration.ofMillis(60_000L + (long) requests * ms);
            Burst.Result burst = Burst.fire(server.uri().resolve("/slow/?ms=" + ms), requests, timeout);
            report.add(model, burst, server.counter());
        }
    }
}
