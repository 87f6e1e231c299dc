package workshop.loop;

import java.util.Arrays;
import java.util.Map;
import workshop.common.Args;
import workshop.common.Json;
import workshop.common.Millis;
import workshop.loop.http.Handler;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.Response;
import workshop.loop.http.Router;
import workshop.loop.http.ServerOptions;

/**
 * The module's server: your {@link EventLoop} serving HTTP/1.1 on one thread, with the lesson's
 * endpoints written as non-blocking handlers.
 *
 * <p>{@code ../mvnw -q -Psolutions compile exec:exec@run -Dkit.args="--port 8080 --trace"}
 */
public final class LoopServer {
    private static final Response SYNC = Response.ok("message", "sync");
    private static final Response ASYNC = Response.ok("message", "async");
    private static final Response DONE = Response.ok("message", "done");

    private LoopServer() {
    }

    /**
     * The lesson's three endpoints on {@code loop}, all run by the loop thread:
     * <ul>
     *   <li>{@code GET /sync/} answers at once, on the loop thread. In FastAPI the lesson's
     *       {@code /sync/} is a {@code def} route and runs on a worker thread; this server has no
     *       worker threads. The kit's race builds FastAPI's real shape:
     *       {@code race/src/main/java/workshop/race/FastApiServer.java}.</li>
     *   <li>{@code GET /async/} awaits nothing, so it answers in the step that runs it, like the
     *       lesson's {@code async def} that only returns a dict;</li>
     *   <li>{@code GET /slow/?ms=N} waits N ms on the loop's timer heap, like
     *       {@code await asyncio.sleep(ms / 1000)}: no thread sleeps;</li>
     *   <li>{@code POST} or {@code PUT /upload/} takes a body (by {@code Content-Length} or in chunks) and says
     *       how many bytes came: {@code curl -T - http://127.0.0.1:8080/upload/ < file} sends it in chunks.</li>
     * </ul>
     * Every GET route answers HEAD too.
     */
    public static Router routes(EventLoop loop) {
        Handler upload = request -> Response.json(200, Json.object(Map.of("bytes", request.body().length))).now();
        return new Router()
                .get("/sync/", request -> SYNC.now())
                .get("/async/", request -> ASYNC.now())
                .get("/slow/", request -> loop.sleep(Millis.from(request.query()))
                        .thenApply(ignored -> DONE))
                .post("/upload/", upload)
                .route("PUT", "/upload/", upload);
    }

    /** Starts the module's server on a new loop. */
    public static LoopHttpServer start(ServerOptions options) {
        EventLoop loop = new EventLoop();
        return LoopHttpServer.start(loop, options, routes(loop));
    }

    /** {@code ../mvnw -q -Psolutions compile exec:exec@run -Dkit.args="--port 8080 [--trace]"} */
    public static void main(String[] arguments) throws InterruptedException {
        Args args = new Args(arguments);
        boolean trace = Arrays.asList(arguments).contains("--trace");
        String host = args.text("host", "127.0.0.1");
        int port = args.number("port", 8080);
        EventLoop loop = new EventLoop();
        if (trace) {
            loop.traceToStdout();
        }
        LoopHttpServer server = LoopHttpServer.start(loop, ServerOptions.defaults().withHost(host).withPort(port),
                routes(loop));
        String base = "http://" + host + ":" + server.port();
        System.out.printf("module-03 server on %s, one loop thread (%s)%s. Try:%n", base, loop.threadName(),
                trace ? ", tracing every step" : "");
        System.out.printf("  curl -i %s/sync/%n", base);
        System.out.printf("  curl -i %s/async/%n", base);
        System.out.printf("  curl -i '%s/slow/?ms=500'%n", base);
        System.out.printf("  curl -i '%s/slow/?ms=abc'      # 400%n", base);
        System.out.printf("  curl -i %s/nowhere/            # 404%n", base);
        System.out.printf("  curl -i -X POST %s/sync/       # 405%n", base);
        System.out.printf("  seq 10 | xargs -P10 -I{} curl -s '%s/slow/?ms=1000'   # 10 at once, one thread%n", base);
        System.out.println("Press Ctrl+C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }
}
