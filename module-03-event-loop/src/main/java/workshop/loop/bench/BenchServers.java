package workshop.loop.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import workshop.common.Args;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;
import workshop.common.Millis;
import workshop.loop.LoopServer;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;

/**
 * The three servers of the benchmark, side by side in one process, each with the same two
 * endpoints: {@code /sync/} (hello world) and {@code /slow/?ms=N} (a wait that holds no thread
 * on the loop, a sleeping thread on the JDK server).
 *
 * <p>Run by {@code bench.sh}; by hand: {@code java -cp target/solutions/classes workshop.loop.bench.BenchServers --port 8081}
 * starts the loop on 8081, the JDK server with a pool of 40 on 8082 and with virtual threads on 8083.
 */
public final class BenchServers {
    private BenchServers() {
    }

    public static void main(String[] arguments) throws IOException, InterruptedException {
        Args args = new Args(arguments);
        int port = args.number("port", 8081);
        int threads = args.number("threads", 40);
        LoopHttpServer loop = LoopServer.start(ServerOptions.defaults().withPort(port));
        JdkHttpServer pool = jdk(port + 1, Executors.newFixedThreadPool(threads));
        JdkHttpServer virtual = jdk(port + 2, Executors.newVirtualThreadPerTaskExecutor());
        System.out.printf("event loop (1 thread)        http://127.0.0.1:%d/%n", loop.port());
        System.out.printf("JDK server, pool of %-3d      http://127.0.0.1:%d/%n", threads, pool.port());
        System.out.printf("JDK server, virtual threads  http://127.0.0.1:%d/%n", virtual.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            loop.close();
            pool.close();
            virtual.close();
        }));
        Thread.currentThread().join();
    }

    private static JdkHttpServer jdk(int port, java.util.concurrent.ExecutorService executor) throws IOException {
        return JdkHttpServer.create(new InetSocketAddress("127.0.0.1", port), executor)
                .route("GET", "/sync/", query -> JsonResponse.ok("message", "sync"))
                .route("GET", "/slow/", query -> {
                    Thread.sleep(Millis.parse(query.get("ms")));
                    return JsonResponse.ok("message", "done");
                })
                .start();
    }
}
