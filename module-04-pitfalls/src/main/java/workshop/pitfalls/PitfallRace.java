package workshop.pitfalls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import workshop.common.Race;
import workshop.common.RaceModel;
import workshop.common.RaceServer;
import workshop.loop.LoopRace;
import workshop.loop.http.ServerOptions;

/**
 * Module 04's models, as every race of the kit knows them: each pitfall next to its fix, on the
 * same event loop, so the only difference is the handler. {@link #main} races them, with what the
 * loop's slow-callback detector saw: {@code ../mvnw -q compile exec:exec@race}.
 */
public final class PitfallRace {
    private PitfallRace() {
    }

    /** The lesson's "never do this": {@code time.sleep} inside {@code async def}. */
    public static RaceModel sleepOnTheLoop() {
        return new RaceModel("Thread.sleep on the loop", "time.sleep inside async def: the loop thread sleeps, so every"
                + " request waits its turn (module 04, step 4.1)", 1, (address, ms) -> serve(address, ms, "/blocking/?ms=" + ms));
    }

    public static List<RaceModel> models() {
        return List.of(
                sleepOnTheLoop(),
                new RaceModel("loop.sleep instead (fix of 4.1)", "await asyncio.sleep: the wait is a timer, the loop stays free"
                        + " (module 04, step 4.1)", RaceModel.UNBOUNDED, (address, ms) -> serve(address, ms, "/slow/?ms=" + ms)),
                new RaceModel("blocking library on the loop", "a blocking call hidden in a library, called from async def"
                        + " (module 04, step 4.2)", 1, (address, ms) -> serve(address, ms, "/legacy-blocking/?key=k")),
                new RaceModel("blocking library offloaded (fix of 4.2)", "asyncio.to_thread, FastAPI's run_in_threadpool:"
                        + " at most " + PitfallServer.LEGACY_LIMIT + " calls block at once on the offload pool (FastAPI's"
                        + " limit), the others wait in line, and every answer comes back to the loop (module 04, step 4.2)",
                        PitfallServer.LEGACY_LIMIT, (address, ms) -> serve(address, ms, "/legacy/?key=k")));
    }

    /** A fresh pitfall server whose blocking library takes {@code ms}, on {@code address}. */
    private static RaceServer serve(InetSocketAddress address, long ms, String waitPath) {
        PitfallServer server = PitfallServer.start(
                ServerOptions.defaults().withHost(address.getHostString()).withPort(address.getPort()),
                PitfallServer.Settings.defaults().withLegacyLatency(Duration.ofMillis(ms)).withPrintReports(false));
        return new RaceServer(server.uri(), "/sync/", waitPath, server.counter(),
                () -> LoopRace.slowCallbacks(server.loop()), server);
    }

    public static void main(String[] arguments) throws IOException {
        Race.main(arguments, new Race.Setup("Module 04's race: each pitfall against its fix, on one event loop",
                models(), 100, "target/race-module-04.html", false));
    }
}
