package workshop.race;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import workshop.async.AsyncServer;
import workshop.async.VirtualThreads;
import workshop.common.Args;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;
import workshop.common.Millis;
import workshop.loop.LoopServer;
import workshop.loop.http.ServerOptions;
import workshop.pitfalls.PitfallServer;

/**
 * Every concurrency model of the kit, each on its own port, for {@code bench-all.sh} to measure
 * with {@code wrk}: one JVM, started once, so every model gets the same warm JIT.
 *
 * <p>Ports from {@code --port} (default 8091) upwards, in the order of {@link #MODELS}. Each
 * model answers a hello-world path and a waiting path; the script reads both from the line this
 * prints per model: {@code PORT<TAB>HELLO_PATH<TAB>WAIT_PATH<TAB>NAME}.
 */
public final class KitBenchServers {
    static final List<String> MODELS = List.of("dispatcher thread only", "fixed pool of 40", "thread per request",
            "virtual threads", "CompletableFuture, one thread", "hand-built event loop", "Thread.sleep on the loop");

    private KitBenchServers() {
    }

    public static void main(String[] arguments) throws IOException, InterruptedException {
        Args args = new Args(arguments);
        String host = "127.0.0.1";
        int port = args.number("port", 8091);
        List<AutoCloseable> servers = new ArrayList<>();
        servers.add(announce(blocking(host, port, null), port, "/sync/", "/slow/", MODELS.get(0)));
        servers.add(announce(blocking(host, port + 1, Executors.newFixedThreadPool(40)), port + 1, "/sync/", "/slow/", MODELS.get(1)));
        servers.add(announce(blocking(host, port + 2, Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())),
                port + 2, "/sync/", "/slow/", MODELS.get(2)));
        servers.add(announce(blocking(host, port + 3, VirtualThreads.perTask()), port + 3, "/sync/", "/slow/", MODELS.get(3)));
        servers.add(announce(AsyncServer.start(new InetSocketAddress(host, port + 4)), port + 4, "/async/", "/slow/", MODELS.get(4)));
        servers.add(announce(LoopServer.start(ServerOptions.defaults().withHost(host).withPort(port + 5)),
                port + 5, "/sync/", "/slow/", MODELS.get(5)));
        servers.add(announce(PitfallServer.start(ServerOptions.defaults().withHost(host).withPort(port + 6),
                PitfallServer.Settings.defaults()), port + 6, "/sync/", "/blocking/", MODELS.get(6)));
        System.out.println("ready");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(KitBenchServers::closeQuietly)));
        Thread.currentThread().join(); // serve until the script stops this JVM
    }

    /** The JDK server with module 01's two endpoints, on the given executor ({@code null}: the dispatcher). */
    private static JdkHttpServer blocking(String host, int port, ExecutorService executor) throws IOException {
        return JdkHttpServer.create(new InetSocketAddress(host, port), executor)
                .route("GET", "/sync/", query -> JsonResponse.ok("message", "sync"))
                .route("GET", "/slow/", query -> {
                    Thread.sleep(Millis.parse(query.get("ms")));
                    return JsonResponse.ok("message", "done");
                })
                .start();
    }

    private static AutoCloseable announce(AutoCloseable server, int port, String hello, String wait, String name) {
        System.out.printf("%d\t%s\t%s\t%s%n", port, hello, wait, name);
        return server;
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("closing " + server + ": " + e);
        }
    }
}
