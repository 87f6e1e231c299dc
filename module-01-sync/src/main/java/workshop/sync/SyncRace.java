package workshop.sync;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import workshop.common.Race;
import workshop.common.RaceModel;
import workshop.common.RaceServer;

/**
 * Module 01's three models, as every race of the kit knows them: the JDK server running your
 * blocking endpoints ({@link SyncEndpoints}) on the executors you write ({@link ServerExecutors}).
 * {@link #main} races them: {@code ../mvnw -q compile exec:exec@race}.
 */
public final class SyncRace {
    /** FastAPI's default: AnyIO's limiter lets 40 offloaded calls ({@code def} endpoints and dependencies) run at once. */
    public static final int POOL_SIZE = 40;

    private SyncRace() {
    }

    public static List<RaceModel> models() {
        return List.of(
                new RaceModel("dispatcher thread only", "def with no pool: the server's one thread runs every request (module 01, step 1.6)",
                        1, (address, ms) -> serve(address, null, ms)),
                new RaceModel("fixed pool of " + POOL_SIZE, "def on a pool of 40 threads, like FastAPI's 40 tokens (module 01, step 1.5)",
                        POOL_SIZE, (address, ms) -> serve(address, ServerExecutors.fixedPool(POOL_SIZE), ms)),
                new RaceModel("thread per request", "def with a new OS thread for every request (module 01, step 1.4)",
                        RaceModel.UNBOUNDED, (address, ms) -> serve(address, ServerExecutors.threadPerRequest(), ms)));
    }

    private static RaceServer serve(InetSocketAddress address, ExecutorService executorOrNull, long ms) throws IOException {
        return RaceServer.of(SyncServer.start(address, executorOrNull), "/sync/", "/slow/?ms=" + ms);
    }

    public static void main(String[] arguments) throws IOException {
        Race.main(arguments, new Race.Setup("Module 01's race: blocking requests on three executors", models(), 100,
                "target/race-module-01.html", false));
    }
}
