package workshop.async;

import java.io.IOException;
import java.util.List;
import workshop.common.Race;
import workshop.common.RaceModel;
import workshop.common.RaceServer;

/**
 * Module 02's two models, as every race of the kit knows them: blocking code on virtual threads,
 * and async handlers whose futures a timer completes. {@link #main} races them:
 * {@code ../mvnw -q compile exec:exec@race}.
 */
public final class AsyncRace {
    private AsyncRace() {
    }

    public static List<RaceModel> models() {
        return List.of(
                new RaceModel("virtual threads", "blocking code on a cheap thread per request: Java's answer without async (module 02, step 2.1)",
                        RaceModel.UNBOUNDED, (address, ms) -> RaceServer.of(
                                BlockingServer.start(address, VirtualThreads.perTask()), "/sync/", "/slow/?ms=" + ms)),
                new RaceModel("CompletableFuture (dispatcher + timer)", "async def on the JDK server: the dispatcher starts each"
                        + " handler, a timer thread completes its future (module 02, steps 2.2-2.5)",
                        RaceModel.UNBOUNDED, (address, ms) -> RaceServer.of(AsyncServer.start(address), "/async/", "/slow/?ms=" + ms)));
    }

    public static void main(String[] arguments) throws IOException {
        Race.main(arguments, new Race.Setup("Module 02's race: virtual threads and futures", models(), 1000,
                "target/race-module-02.html", false));
    }
}
