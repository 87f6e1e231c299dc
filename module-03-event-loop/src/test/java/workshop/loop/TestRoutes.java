package workshop.loop;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.Response;
import workshop.loop.http.Router;
import workshop.loop.http.ServerOptions;

/** The module's endpoints plus a few that only tests need: a body echo, a big answer, handler failures. */
final class TestRoutes {
    static final int BIG_BYTES = 8 * 1024 * 1024;
    private static final byte[] BIG = new byte[BIG_BYTES];

    static {
        Arrays.fill(BIG, (byte) 'x');
    }

    private TestRoutes() {
    }

    static Router routes(EventLoop loop, Executor elsewhere) {
        return LoopServer.routes(loop)
                .post("/echo/", request -> Response.json(200, "{\"bytes\": " + request.body().length + "}").now())
                .get("/big/", request -> new Response(200, "application/octet-stream", BIG, Map.of()).now())
                .get("/throws/", request -> {
                    throw new IllegalStateException("a bug in the handler (thrown by the test)");
                })
                .get("/fails/", request -> CompletableFuture.failedFuture(new IllegalStateException("failed future")))
                .get("/elsewhere/", request -> CompletableFuture.supplyAsync(
                        () -> Response.ok("completedOn", Thread.currentThread().getName()), elsewhere));
    }

    static LoopHttpServer start(ServerOptions options) {
        EventLoop loop = new EventLoop();
        return LoopHttpServer.start(loop, options, routes(loop, Runnable::run));
    }
}
