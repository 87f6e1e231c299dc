package workshop.pitfalls;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import workshop.common.Args;
import workshop.common.BadRequestException;
import workshop.common.InFlightCounter;
import workshop.common.Json;
import workshop.common.Millis;
import workshop.loop.EventLoop;
import workshop.loop.NamedTask;
import workshop.loop.SlowCallback;
import workshop.loop.http.Handler;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.Response;
import workshop.loop.http.Router;
import workshop.loop.http.ServerOptions;

/**
 * The module's server: module 03's event loop serving each pitfall twice, the broken handler
 * (given, in {@link BrokenHandlers}) next to the fixed one (yours). Same loop, same requests,
 * so the only difference is the handler.
 *
 * <pre>
 * GET  /sync/                     answers at once: is the loop free?
 * GET  /blocking/?ms=N            4.1 broken: Thread.sleep on the loop   GET  /slow/?ms=N     4.1 fixed
 * GET  /legacy-blocking/?key=K    4.2 broken: blocking call on the loop  GET  /legacy/?key=K  4.2 fixed
 * GET  /hash-blocking/?ms=N       4.3 broken: CPU work on the loop       GET  /hash/?ms=N     4.3 fixed
 * POST /save-forgot/?item=I       4.4 broken: the write's future dropped POST /save/?item=I   4.4 fixed
 * POST /save-never-called/?item=I 4.4 broken: the write never starts
 * POST /save-then-apply/?item=I   4.4 broken: thenApply, not thenCompose
 * GET  /quote-join/?item=I        4.5 broken: join() on the loop         GET  /quote/?item=I  4.5 fixed
 * </pre>
 */
public final class PitfallServer implements AutoCloseable {
    /**
     * How many legacy calls may run at once (4.2): FastAPI's number, the 40 tokens of the AnyIO
     * limiter that {@code run_in_threadpool} waits on. Further calls wait in line for a free thread.
     */
    public static final int LEGACY_LIMIT = 40;

    /**
     * The latencies of the pretend back ends, when the loop reports a slow callback, and whether
     * it prints its reports as they happen (the race turns that off and summarizes them itself).
     */
    public record Settings(Duration legacyLatency, Duration writeLatency, Duration catalogLatency,
                           Duration slowCallbackThreshold, boolean printReports) {
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(50),
                    EventLoop.DEFAULT_SLOW_CALLBACK, true);
        }

        public Settings withLegacyLatency(Duration value) {
            return new Settings(value, writeLatency, catalogLatency, slowCallbackThreshold, printReports);
        }

        public Settings withCatalogLatency(Duration value) {
            return new Settings(legacyLatency, writeLatency, value, slowCallbackThreshold, printReports);
        }

        public Settings withSlowCallbackThreshold(Duration value) {
            return new Settings(legacyLatency, writeLatency, catalogLatency, value, printReports);
        }

        public Settings withPrintReports(boolean value) {
            return new Settings(legacyLatency, writeLatency, catalogLatency, slowCallbackThreshold, value);
        }
    }

    private final EventLoop loop = new EventLoop();
    private final LegacyClient legacy;
    private final CpuWork cpu = new CpuWork();
    private final InFlightCounter handlers = new InFlightCounter();
    private final ItemStore store;
    private final Catalog catalog;
    private final LoopHttpServer http;
    // Created on first use, on the loop thread, so the other routes work before you write 4.2 and 4.3.
    private volatile ExecutorService legacyExecutor;
    private volatile ExecutorService cpuPool;
    private long answersOnLoop; // loop thread only: the state an offloaded call must come back to the loop to touch
    private final Set<String> cpuPoolThreads = ConcurrentHashMap.newKeySet();
    /** Your cpuPool(), as hash() gets it: it notes the threads that run its tasks, so a test can tell them from others. */
    private final Executor onCpuPool = task -> cpuPool().execute(() -> {
        cpuPoolThreads.add(ThreadNames.current());
        task.run();
    });

    private PitfallServer(ServerOptions options, Settings settings) {
        loop.slowCallbackThreshold(settings.slowCallbackThreshold());
        loop.printReports(settings.printReports());
        legacy = new LegacyClient(settings.legacyLatency());
        store = new ItemStore(loop, settings.writeLatency());
        catalog = new Catalog(loop, settings.catalogLatency());
        http = LoopHttpServer.start(loop, options, routes());
    }

    /** Starts the server on its own new loop. */
    public static PitfallServer start(ServerOptions options, Settings settings) {
        return new PitfallServer(options, settings);
    }

    /** Starts the server on 127.0.0.1 and a free port, with the default settings. */
    public static PitfallServer start() {
        return start(ServerOptions.defaults(), Settings.defaults());
    }

    private Router routes() {
        return new Router()
                .get("/sync/", task("GET /sync/", request -> Response.ok("message", "sync").now()))
                .get("/blocking/", task("GET /blocking/", request -> BrokenHandlers.sleepOnTheLoop(Millis.from(request.query()))))
                .get("/slow/", task("GET /slow/", request -> NonBlockingHandlers.slow(loop, Millis.from(request.query()))))
                .get("/legacy-blocking/", task("GET /legacy-blocking/", request -> {
                    String key = required(request.query(), "key");
                    return BrokenHandlers.legacyOnTheLoop(legacy, key).thenApply(value -> lookupAnswer(key, value));
                }))
                .get("/legacy/", task("GET /legacy/", request -> {
                    String key = required(request.query(), "key");
                    return NonBlockingHandlers.lookup(legacy, key, legacyExecutor(), loop)
                            .thenApply(value -> lookupAnswer(key, value));
                }))
                .get("/hash-blocking/", task("GET /hash-blocking/", request ->
                        BrokenHandlers.hashOnTheLoop(cpu, payload(request.query()), Millis.from(request.query()))
                                .thenApply(this::hashAnswer)))
                .get("/hash/", task("GET /hash/", request ->
                        NonBlockingHandlers.hash(cpu, payload(request.query()), Millis.from(request.query()), onCpuPool, loop)
                                .thenApply(this::hashAnswer)))
                .post("/save-forgot/", task("POST /save-forgot/", request ->
                        BrokenHandlers.saveAndForget(store, required(request.query(), "item"))))
                .post("/save-never-called/", task("POST /save-never-called/", request ->
                        BrokenHandlers.saveNeverCalled(store, required(request.query(), "item"))))
                .post("/save-then-apply/", task("POST /save-then-apply/", request ->
                        BrokenHandlers.saveWithThenApply(store, required(request.query(), "item"))))
                .post("/save/", task("POST /save/", request -> ComposedHandlers.save(store, required(request.query(), "item"))))
                .get("/quote-join/", task("GET /quote-join/", request ->
                        BrokenHandlers.quoteWithJoin(catalog, required(request.query(), "item"))))
                .get("/quote/", task("GET /quote/", request -> ComposedHandlers.quote(catalog, required(request.query(), "item"))));
    }

    /**
     * Runs a handler as a loop task of its own, named after its route, so a slow-callback report
     * says which endpoint held the loop. (uvicorn also starts an asyncio Task per request, but
     * leaves it the default name {@code Task-N}: asyncio's report shows that and the coroutine.)
     * The handler counts as in flight from the moment it starts running until its answer is ready.
     */
    private Handler task(String route, Handler handler) {
        return request -> {
            CompletableFuture<Response> answer = new CompletableFuture<>();
            loop.callSoon(new NamedTask(route, () -> {
                InFlightCounter.Ticket ticket = handlers.begin();
                try {
                    handler.handle(request).whenComplete((response, failure) -> {
                        ticket.close();
                        if (failure != null) {
                            answer.completeExceptionally(failure);
                        } else {
                            answer.complete(response);
                        }
                    });
                } catch (Exception | Error failure) {
                    ticket.close();
                    answer.completeExceptionally(failure); // the router turns it into a 400 or a 500
                }
            }));
            return answer;
        };
    }

    /** The lookup's answer; it counts served answers in loop-only state, so it must run on the loop thread. */
    private Response lookupAnswer(String key, String value) {
        String thread = onLoopThreadOnly("the legacy lookup", "4.2");
        answersOnLoop++;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("value", value);
        fields.put("resumedOn", thread);
        return Response.json(200, Json.object(fields));
    }

    private Response hashAnswer(CpuWork.Hash hash) {
        String thread = onLoopThreadOnly("the hash", "4.3");
        answersOnLoop++;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sha256", hash.hex());
        fields.put("rounds", hash.rounds());
        fields.put("cpuMs", Math.round(hash.cpuMs()));
        fields.put("hashedOn", hash.thread());
        fields.put("resumedOn", thread);
        return Response.json(200, Json.object(fields));
    }

    /** Fails (a 500 that says why) when loop-only state is about to be touched from another thread. */
    private String onLoopThreadOnly(String what, String step) {
        String thread = ThreadNames.current();
        if (!loop.isLoopThread()) {
            throw new IllegalStateException(what + " continued on thread " + thread + ", not on the loop thread "
                    + loop.threadName() + ": hop back to the loop before touching its state (README.md, step " + step + ")");
        }
        return thread;
    }

    private ExecutorService legacyExecutor() {
        if (legacyExecutor == null) {
            legacyExecutor = NonBlockingHandlers.legacyExecutor(LEGACY_LIMIT);
        }
        return legacyExecutor;
    }

    private ExecutorService cpuPool() {
        if (cpuPool == null) {
            cpuPool = NonBlockingHandlers.cpuPool();
        }
        return cpuPool;
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new BadRequestException(name + " is required, for example ?" + name + "=apple");
        }
        return value;
    }

    private static String payload(Map<String, String> query) {
        return query.getOrDefault("text", "hash me");
    }

    public EventLoop loop() {
        return loop;
    }

    /**
     * Handlers in flight: from the moment a handler starts running on the loop until its answer
     * is ready. Requests whose handlers overlap here really waited side by side.
     */
    public InFlightCounter counter() {
        return handlers;
    }

    public URI uri() {
        return http.uri();
    }

    public int port() {
        return http.port();
    }

    public LegacyClient legacy() {
        return legacy;
    }

    public CpuWork cpu() {
        return cpu;
    }

    /** The threads that ran tasks handed to the cpuPool() that hash() got (4.3). */
    public Set<String> cpuPoolThreads() {
        return Set.copyOf(cpuPoolThreads);
    }

    public ItemStore store() {
        return store;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Lookups and hashes answered so far; read on the loop thread, like all loop-only state. */
    public long answersOnLoop() {
        return loop.runOnLoop(() -> answersOnLoop);
    }

    /** Every task that held the loop thread longer than the threshold so far. */
    public List<SlowCallback> slowCallbacks() {
        return loop.slowCallbacks();
    }

    /** Closes the server and its loop, then the pools: no thread is left behind. */
    @Override
    public void close() {
        try {
            http.close();
        } finally {
            shutDown(legacyExecutor);
            shutDown(cpuPool);
        }
    }

    private static void shutDown(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow(); // interrupts blocking calls still running: their clients are gone
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("pool threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code ../mvnw -q -Psolutions compile exec:exec@run -Dkit.args="--port 8080"} */
    public static void main(String[] arguments) throws InterruptedException {
        Args args = new Args(arguments);
        String host = args.text("host", "127.0.0.1");
        int port = args.number("port", 8080);
        PitfallServer server = start(ServerOptions.defaults().withHost(host).withPort(port), Settings.defaults());
        String base = "http://" + host + ":" + server.port();
        System.out.printf("module-04 pitfall server on %s (one event loop thread). Try, in a second terminal:%n", base);
        System.out.printf("  seq 5 | xargs -P5 -I{} curl -s '%s/blocking/?ms=1000'   # 5 s: the loop sleeps%n", base);
        System.out.printf("  seq 5 | xargs -P5 -I{} curl -s '%s/slow/?ms=1000'       # 1 s: loop.sleep%n", base);
        System.out.printf("  curl -s '%s/legacy/?key=apple'   curl -s '%s/hash/?ms=500'%n", base, base);
        System.out.printf("  curl -s -X POST '%s/save-forgot/?item=broken-1'   # 200, yet the write failed (reported here)%n", base);
        System.out.printf("  curl -s -X POST '%s/save/?item=broken-1'          # 500: the failure is seen%n", base);
        System.out.printf("  curl -s '%s/quote/?item=apple'   (not /quote-join/: it hangs the server for good)%n", base);
        System.out.println("Slow-callback reports appear here. Press Ctrl+C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }
}
