package workshop.loop;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import workshop.common.Race;
import workshop.common.RaceModel;
import workshop.common.RaceServer;
import workshop.common.SlowCallbacks;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;

/**
 * Module 03's model, as every race of the kit knows it: your {@link EventLoop} serving the
 * lesson's endpoints on one thread. {@link #main} races it: {@code ../mvnw -q compile exec:exec@race}.
 */
public final class LoopRace {
    private LoopRace() {
    }

    public static List<RaceModel> models() {
        return List.of(new RaceModel("hand-built event loop", "async def + asyncio.sleep: one thread, a timer heap and a selector (module 03)",
                RaceModel.UNBOUNDED, (address, ms) -> {
                    EventLoop loop = new EventLoop();
                    loop.printReports(false); // the race reports them itself
                    LoopHttpServer server = LoopHttpServer.start(loop,
                            ServerOptions.defaults().withHost(address.getHostString()).withPort(address.getPort()),
                            LoopServer.routes(loop));
                    return new RaceServer(server.uri(), "/sync/", "/slow/?ms=" + ms, server.counter(),
                            () -> slowCallbacks(loop), server);
                }));
    }

    /** What {@code loop}'s slow-callback detector saw, in one line for the race's report. */
    public static SlowCallbacks slowCallbacks(EventLoopBase loop) {
        List<SlowCallback> reports = loop.slowCallbacks();
        SlowCallback worst = reports.stream().max(Comparator.comparingDouble(SlowCallback::durationMs)).orElse(null);
        return new SlowCallbacks(reports.size(), loop.slowCallbackThreshold().toMillis(),
                worst == null ? 0 : worst.durationMs(), worst == null ? "" : worst.name());
    }

    public static void main(String[] arguments) throws IOException {
        Race.main(arguments, new Race.Setup("Module 03's race: your event loop, one thread", models(), 1000,
                "target/race-module-03.html", false));
    }
}
