package workshop.race;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import workshop.common.Args;
import workshop.common.InFlightCounter;
import workshop.common.JdkHttpServer.JsonHandler;
import workshop.common.JsonResponse;
import workshop.common.Millis;
import workshop.common.RaceModel;
import workshop.common.RaceServer;
import workshop.loop.EventLoop;
import workshop.loop.LoopRace;
import workshop.loop.http.Handler;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.Request;
import workshop.loop.http.Response;
import workshop.loop.http.Router;
import workshop.loop.http.ServerOptions;
import workshop.sync.SyncEndpoints;

/**
 * What FastAPI itself is, built from the kit's parts: one event loop (module 03) that runs the
 * {@code async def} routes itself and hands every {@code def} route (module 01's endpoints) to a
 * limiter of 40 worker threads, the way Starlette's {@code run_in_threadpool} hands them to AnyIO,
 * whose default thread limiter has 40 tokens. When the {@code def} function returns, its answer
 * goes back to the loop, which writes it.
 *
 * <pre>
 * GET /sync/         def: {"message": "sync"}, on a worker thread
 * GET /sync-slow/    def with time.sleep(ms): blocks its worker thread
 * GET /async/        async def: {"message": "async"}, on the loop, at once
 * GET /slow/         async def with await asyncio.sleep(ms): a timer on the loop
 * </pre>
 */
public final class FastApiServer implements AutoCloseable {
    /** AnyIO's default: at most 40 {@code def} calls run at once; the others wait for a token. */
    public static final int DEFAULT_TOKENS = 40;
    /** AnyIO ends a worker thread that has been idle for 10 s (it checks at the next offload; this pool, by a timer). */
    private static final Duration IDLE_WORKER_EXPIRES = Duration.ofSeconds(10);
    private static final Response ASYNC = Response.ok("message", "async");
    private static final Response DONE = Response.ok("message", "done");

    private final EventLoop loop = new EventLoop();
    private final ExecutorService threadpool = threadLimiter(DEFAULT_TOKENS);
    private final InFlightCounter counter = new InFlightCounter();
    private final LoopHttpServer http;

    private FastApiServer(ServerOptions options, boolean printReports) {
        loop.printReports(printReports);
        http = LoopHttpServer.start(loop, options, new Router()
                .get("/sync/", runInThreadpool(query -> SyncEndpoints.sync()))
                .get("/sync-slow/", runInThreadpool(SyncEndpoints::slow))
                .get("/async/", onTheLoop(request -> ASYNC.now())) // awaits nothing, so it answers in the same step
                .get("/slow/", onTheLoop(request -> loop.sleep(Millis.from(request.query())).thenApply(woke -> DONE))));
    }

    public static FastApiServer start(ServerOptions options) {
        return new FastApiServer(options, true);
    }

    /** A server for the race: its loop keeps its reports to itself, and the race summarizes them. */
    private static RaceServer forTheRace(InetSocketAddress address, String helloPath, String waitPath) {
        FastApiServer server = new FastApiServer(
                ServerOptions.defaults().withHost(address.getHostString()).withPort(address.getPort()), false);
        return new RaceServer(server.uri(), helloPath, waitPath, server.counter, () -> LoopRace.slowCallbacks(server.loop), server);
    }

    /** FastAPI's two kinds of route, each a model of the race: the same burst, on the same server. */
    public static List<RaceModel> models() {
        return List.of(
                new RaceModel("FastAPI's shape, def route", "def in FastAPI: the loop hands it to a limiter of 40 worker"
                        + " threads, then sends its answer (modules 01 and 03 together)", DEFAULT_TOKENS,
                        (address, ms) -> forTheRace(address, "/sync/", "/sync-slow/?ms=" + ms)),
                new RaceModel("FastAPI's shape, async def route", "async def in FastAPI: runs on the event loop itself,"
                        + " awaiting asyncio.sleep (modules 02 and 03 together)", RaceModel.UNBOUNDED,
                        (address, ms) -> forTheRace(address, "/async/", "/slow/?ms=" + ms)));
    }

    /**
     * A {@code def} route: the blocking endpoint runs on a worker thread once it gets a token, and
     * its answer hops back to the loop. It counts as in flight only while the endpoint runs, so a
     * request still waiting for a token does not.
     */
    private Handler runInThreadpool(JsonHandler endpoint) {
        return request -> CompletableFuture
                .supplyAsync(() -> runCounted(endpoint, request), threadpool)
                .thenApplyAsync(answer -> Response.json(answer.status(), answer.body()), loop);
    }

    private JsonResponse runCounted(JsonHandler endpoint, Request request) {
        try (InFlightCounter.Ticket running = counter.begin()) {
            return endpoint.handle(request.query());
        } catch (Exception e) {
            throw new CompletionException(e); // the router answers it: 400 for a bad ms, 500 otherwise
        }
    }

    /** An {@code async def} route: it runs on the loop thread and counts as in flight until its future completes. */
    private Handler onTheLoop(Function<Request, CompletableFuture<Response>> endpoint) {
        return request -> {
            InFlightCounter.Ticket running = counter.begin();
            try {
                return endpoint.apply(request).whenComplete((answer, failure) -> running.close());
            } catch (RuntimeException e) {
                running.close();
                throw e;
            }
        };
    }

    /**
     * AnyIO's default thread limiter as a Java pool: at most {@code tokens} calls at once, the
     * others queued in arrival order; worker threads start on demand, and idle ones end.
     */
    static ExecutorService threadLimiter(int tokens) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(tokens, tokens, IDLE_WORKER_EXPIRES.toSeconds(), TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().name("worker-", 0).factory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public InFlightCounter counter() {
        return counter;
    }

    public URI uri() {
        return http.uri();
    }

    /** Closes the server and its loop, then the worker threads. */
    @Override
    public void close() throws InterruptedException {
        try {
            http.close();
        } finally {
            threadpool.shutdownNow(); // interrupts a def call still asleep: its client is gone
            if (!threadpool.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("worker threads did not stop within 10 s");
            }
        }
    }

    /** {@code ./mvnw -q -pl race compile exec:exec@run -Dkit.args="--port 8080"} */
    public static void main(String[] arguments) throws InterruptedException {
        Args args = new Args(arguments);
        String host = args.text("host", "127.0.0.1");
        int port = args.number("port", 8080);
        FastApiServer server = start(ServerOptions.defaults().withHost(host).withPort(port));
        String base = server.uri().toString().replaceAll("/$", "");
        System.out.printf("FastAPI's shape on %s: one event loop, def routes on a limiter of %d threads. Try:%n", base, DEFAULT_TOKENS);
        System.out.printf("  curl -i %s/sync/     curl -i %s/async/%n", base, base);
        System.out.printf("  seq 100 | xargs -P100 -I{} curl -s -o /dev/null '%s/sync-slow/?ms=1000'   # 3 s: waves of 40%n", base);
        System.out.printf("  seq 100 | xargs -P100 -I{} curl -s -o /dev/null '%s/slow/?ms=1000'        # 1 s: one wave%n", base);
        System.out.println("Press Ctrl+C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Thread.currentThread().join();
    }
}
