package workshop.race;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import workshop.async.AsyncServer;
import workshop.async.BlockingServer;
import workshop.async.VirtualThreads;
import workshop.common.Args;
import workshop.common.Burst;
import workshop.common.InFlightCounter;
import workshop.common.JdkHttpServer;
import workshop.common.RaceHtml;
import workshop.common.RaceReport;
import workshop.loop.LoopServer;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;
import workshop.pitfalls.PitfallServer;

/**
 * The kit's main job: the same burst of requests, each waiting {@code ms}, fired at every
 * concurrency model of the course, one model at a time, printed as one table and a timeline
 * per model, and written as an HTML page for a projector.
 *
 * <p>It runs the finished code of every module (modules 02 and 03 are copied into this module
 * at build time), so it needs neither the network nor the learner's own solutions.
 *
 * <p>{@code ./mvnw -q -pl module-04-pitfalls compile exec:exec@kit-race -Dkit.args="--requests 100 --ms 100"}
 */
public final class KitRace {
    private KitRace() {
    }

    /** A running server of one model: where to send the burst, what it counted, how to stop it. */
    record Running(URI slowPath, InFlightCounter counter, AutoCloseable server) {
    }

    /** Starts one model's server on a free port of 127.0.0.1; {@code ms} is the wait of each request. */
    @FunctionalInterface
    interface Starter {
        Running start(long ms) throws IOException;
    }

    record Model(String name, String lesson, Starter starter) {
    }

    static List<Model> models(int poolSize) {
        InetSocketAddress anyPort = new InetSocketAddress("127.0.0.1", 0);
        return List.of(
                new Model("dispatcher thread only", "def, no thread pool (module 01)",
                        ms -> jdk(BlockingServer.start(anyPort, null), ms)),
                new Model("fixed pool of " + poolSize, "def on FastAPI's pool (module 01)",
                        ms -> jdk(BlockingServer.start(anyPort, BlockingServer.platformPool(poolSize)), ms)),
                new Model("thread per request", "def, unbounded threads (module 01)",
                        ms -> jdk(BlockingServer.start(anyPort, BlockingServer.platformThreadPerRequest()), ms)),
                new Model("virtual threads", "blocking code, cheap threads (module 02)",
                        ms -> jdk(BlockingServer.start(anyPort, VirtualThreads.perTask()), ms)),
                new Model("CompletableFuture, one thread", "async def on the JDK server (module 02)",
                        ms -> jdk(AsyncServer.start(anyPort), ms)),
                new Model("hand-built event loop", "async def + asyncio.sleep (module 03)",
                        ms -> loop(LoopServer.start(ServerOptions.defaults()), ms)),
                new Model("Thread.sleep on the loop", "time.sleep inside async def (module 04)",
                        ms -> blockingLoop(PitfallServer.start(ServerOptions.defaults(), PitfallServer.Settings.defaults()), ms)));
    }

    private static Running jdk(JdkHttpServer server, long ms) {
        return new Running(server.uri().resolve("/slow/?ms=" + ms), server.counter(), server);
    }

    private static Running loop(LoopHttpServer server, long ms) {
        return new Running(server.uri().resolve("/slow/?ms=" + ms), server.counter(), server);
    }

    private static Running blockingLoop(PitfallServer server, long ms) {
        return new Running(server.uri().resolve("/blocking/?ms=" + ms), server.counter(), server);
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments);
        int requests = args.number("requests", 100);
        int ms = args.number("ms", 100);
        int pool = args.number("threads", 40);
        Path htmlFile = Path.of(args.text("html", "target/kit-race.html"));
        List<Model> models = models(pool);

        System.out.printf("The kit's race: %d requests at once, each waiting %d ms, against %d models.%n",
                requests, ms, models.size());
        race(new RaceReport(requests, 1), new Model("warm-up (not shown)", "", models.get(3).starter()), requests, 1);
        RaceReport report = new RaceReport(requests, ms);
        for (Model model : models) {
            race(report, model, requests, ms);
        }
        System.out.println(report.render());
        System.out.println("Which idea of the lesson each model stands for:");
        models.forEach(m -> System.out.printf("  %-32s %s%n", m.name(), m.lesson()));
        Path html = RaceHtml.write(report, "The kit's race: every concurrency model, the same burst", htmlFile);
        System.out.println("\nTimelines for a projector: " + html.toAbsolutePath());
    }

    /** Runs one burst against a fresh server, so each model starts alone on an idle machine. */
    static void race(RaceReport report, Model model, int requests, long ms) throws Exception {
        System.out.printf("  racing %-32s ...%n", model.name());
        Running running = model.starter().start(ms);
        try (AutoCloseable server = running.server()) {
            Duration timeout = Duration.ofMillis(60_000L + requests * ms);
            Burst.Result burst = Burst.fire(running.slowPath(), requests, timeout);
            report.add(model.name(), burst, running.counter());
        }
    }
}
