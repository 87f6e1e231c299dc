package workshop.sync;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import workshop.common.Args;
import workshop.common.JdkHttpServer;

/**
 * The module's server: the JDK's {@link com.sun.net.httpserver.HttpServer} with the two
 * blocking endpoints you write in {@link SyncEndpoints}. The executor decides which thread
 * runs each request, and so how many requests can wait at the same time.
 */
public final class SyncServer {
    private SyncServer() {
    }

    /** Starts the server; {@code executorOrNull == null} runs every handler on the dispatcher thread. */
    public static JdkHttpServer start(InetSocketAddress address, ExecutorService executorOrNull) throws IOException {
        return JdkHttpServer.create(address, executorOrNull)
                .route("GET", "/sync/", query -> SyncEndpoints.sync())
                .route("GET", "/slow/", SyncEndpoints::slow)
                .start();
    }

    /** The executor for a model named on the command line: dispatcher, thread, or pool. */
    static ExecutorService executorFor(String model, int poolSize) {
        return switch (model) {
            case "dispatcher" -> null;
            case "thread" -> ServerExecutors.threadPerRequest();
            case "pool" -> ServerExecutors.fixedPool(poolSize);
            default -> throw new IllegalArgumentException(
                    "--executor must be dispatcher, thread or pool, not '" + model + "'");
        };
    }

    /** {@code ../mvnw -q compile exec:exec@run -Dkit.args="--port 8080 --executor pool --threads 40"} */
    public static void main(String[] arguments) throws IOException, InterruptedException {
        Args args = new Args(arguments);
        String host = args.text("host", "127.0.0.1");
        int port = args.number("port", 8080);
        String model = args.text("executor", "pool");
        int threads = args.number("threads", 40);
        JdkHttpServer server = start(new InetSocketAddress(host, port), executorFor(model, threads));
        String base = "http://" + host + ":" + server.port();
        System.out.printf("module-01 server on %s (executor: %s%s). Try:%n", base, model,
                model.equals("pool") ? " of " + threads : "");
        System.out.printf("  curl -i %s/sync/%n", base);
        System.out.printf("  curl -i '%s/slow/?ms=500'%n", base);
        System.out.printf("  curl -i '%s/slow/?ms=abc'      # 400%n", base);
        System.out.printf("  curl -i %s/nowhere/            # 404%n", base);
        System.out.printf("  curl -i -X POST %s/sync/       # 405%n", base);
        System.out.printf("  seq 10 | xargs -P10 -I{} curl -s '%s/slow/?ms=1000'   # 10 at once%n", base);
        System.out.println("Press Ctrl+C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join(); // park main for good; Ctrl+C runs the hook, which closes the server
    }
}
