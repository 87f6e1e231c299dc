package workshop.async;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;
import workshop.common.Millis;

/**
 * Module 01's blocking endpoints, {@code GET /sync/} and {@code GET /slow/?ms=N} ({@link Thread#sleep}
 * inside), ready to serve on any executor: a platform thread per request, or the virtual threads
 * you make in {@link VirtualThreads}. Same code, very different thread bills.
 */
public final class BlockingServer {
    private BlockingServer() {
    }

    public static JdkHttpServer start(InetSocketAddress address, ExecutorService executor) throws IOException {
        return JdkHttpServer.create(address, executor)
                .route("GET", "/sync/", query -> JsonResponse.ok("message", "sync"))
                .route("GET", "/slow/", query -> {
                    Thread.sleep(Millis.parse(query.get("ms"))); // parks whatever thread runs this request
                    return JsonResponse.ok("message", "done");
                })
                .start();
    }

    /** Module 01's thread per request: one operating-system thread for every request, asleep or not. */
    public static ExecutorService platformThreadPerRequest() {
        return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("platform-", 0).factory());
    }
}
