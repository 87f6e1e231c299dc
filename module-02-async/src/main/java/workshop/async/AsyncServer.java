package workshop.async;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import workshop.common.Args;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;

/**
 * The module's async server: no executor at all, so the JDK server's single dispatcher thread
 * accepts every connection <em>and</em> starts every handler. That works only because the
 * handlers never block: each returns a future at once, and its answer is written when the
 * future completes (see {@link AsyncRoute}).
 */
public final class AsyncServer {
    /** How long a request may stay unanswered before the client gets 504; longer than the longest /slow/. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(15);

    private AsyncServer() {
    }

    /** {@code /async/} and {@code /slow/} only, with the default deadline. */
    public static JdkHttpServer start(InetSocketAddress address) throws IOException {
        return start(address, DEFAULT_DEADLINE, null);
    }

    /** Every route; {@code downstreamOrNull == null} leaves out the two that call other servers. */
    public static JdkHttpServer start(InetSocketAddress address, Duration deadline, Downstream downstreamOrNull)
            throws IOException {
        JdkHttpServer server = JdkHttpServer.create(address, null); // null: the dispatcher thread runs every handler
        route(server, "/async/", deadline, query -> AsyncEndpoints.hello());
        route(server, "/slow/", deadline, AsyncEndpoints::slow);
        if (downstreamOrNull != null) {
            Downstream downstream = downstreamOrNull;
            AsyncLimiter limiter = new AsyncLimiter(downstream.fragileLimit()); // one per server: it guards one service
            route(server, "/aggregate/", deadline,
                    query -> FanOut.aggregate(downstream.client(), downstream.parts(), downstream.timeout()));
            route(server, "/limited/", deadline,
                    query -> limiter.submit(() -> FanOut.fetch(downstream.client(), downstream.fragile(), downstream.timeout()))
                            .thenApply(body -> new JsonResponse(200, body)));
        }
        return server.start();
    }

    private static void route(JdkHttpServer server, String path, Duration deadline, AsyncHandler handler) {
        server.routeRaw("GET", path, new AsyncRoute(handler, server.counter(), deadline));
    }

    /** {@code ../mvnw -q -Psolutions compile exec:exec@run -Dkit.args="--port 8080"} */
    public static void main(String[] arguments) throws IOException, InterruptedException {
        Args args = new Args(arguments);
        String host = args.text("host", "127.0.0.1");
        int port = args.number("port", 8080);
        JdkHttpServer others = DownstreamServer.start(new InetSocketAddress("127.0.0.1", 0));
        HttpClient client = Downstream.newClient();
        JdkHttpServer server = start(new InetSocketAddress(host, port), DEFAULT_DEADLINE,
                Downstream.at(client, others.uri()));
        String base = "http://" + host + ":" + server.port();
        URI downstream = others.uri();
        System.out.printf("module-02 async server on %s (dispatcher thread only; downstream on %s). Try:%n",
                base, downstream);
        System.out.printf("  curl -i %s/async/%n", base);
        System.out.printf("  curl -i '%s/slow/?ms=500'%n", base);
        System.out.printf("  curl -i '%s/slow/?ms=abc'       # 400%n", base);
        System.out.printf("  time curl -s %s/aggregate/      # ~300 ms: three calls at once, not 600 ms%n", base);
        System.out.printf("  seq 20 | xargs -P20 -I{} curl -s -w '\\n' %s/limited/   # at most 5 reach the fragile service%n", base);
        System.out.printf("  seq 1000 | xargs -P1000 -I{} curl -s -o /dev/null -w '%%{http_code}\\n' '%s/slow/?ms=1000' | sort | uniq -c%n", base);
        System.out.println("Press Ctrl+C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            others.close();
            client.shutdownNow();
        }));
        Thread.currentThread().join();
    }
}
