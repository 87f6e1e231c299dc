package workshop.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workshop.common.BurstClient;
import workshop.common.RaceModel;
import workshop.common.RaceServer;
import workshop.common.TestClient;
import workshop.loop.http.ServerOptions;

@DisplayName("The kit's models: one list, every model answers, FastAPI's two kinds of route")
class KitRaceTest {
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    @Test
    @DisplayName("eight models in the lesson's order, FastAPI's with its def and async def routes")
    void theModelsInOrder() {
        List<RaceModel> models = KitRace.models();

        assertThat(models).extracting(RaceModel::name).containsExactly(
                "dispatcher thread only", "fixed pool of 40", "thread per request", "virtual threads",
                "CompletableFuture (dispatcher + timer)", "hand-built event loop", "Thread.sleep on the loop",
                "FastAPI's shape, def route", "FastAPI's shape, async def route");
        assertThat(models).extracting(RaceModel::capacity)
                .containsExactly(1, 40, RaceModel.UNBOUNDED, RaceModel.UNBOUNDED, RaceModel.UNBOUNDED, RaceModel.UNBOUNDED, 1,
                        40, RaceModel.UNBOUNDED);
        assertThat(models).allSatisfy(model -> assertThat(model.idea()).as(model.name()).isNotBlank());
    }

    @Test
    @DisplayName("every model's server answers its hello and its waiting route with 200")
    void everyModelAnswers() throws Exception {
        for (RaceModel model : KitRace.models()) {
            try (RaceServer server = model.starter().start(ANY_PORT, 5);
                 TestClient client = new TestClient(server.uri())) {
                assertThat(client.get(server.helloPath()).status()).as("%s %s", model.name(), server.helloPath()).isEqualTo(200);
                TestClient.Reply waited = client.get(server.waitPath());
                assertThat(waited.status()).as("%s %s: %s", model.name(), server.waitPath(), waited).isEqualTo(200);
                assertThat(waited.body()).contains("done");
            }
        }
    }

    @Test
    @DisplayName("FastAPI's def route: 100 requests, never more than 40 at once; its async def route: all 100 at once")
    void fastApiLimitsDefRoutesOnly() throws Exception {
        List<RaceModel> fastApi = FastApiServer.models();
        try (RaceServer def = fastApi.get(0).starter().start(ANY_PORT, 300)) {
            BurstClient.Result burst = BurstClient.fire(def.address(), def.waitPath(), 100, Duration.ofSeconds(30));

            assertThat(burst.ok()).as("%s", burst).isEqualTo(100);
            assertThat(def.counter().maxInFlight()).as("def calls running at once on AnyIO's 40 tokens").isEqualTo(40);
            assertThat(def.counter().threadsUsed()).as("worker threads").isEqualTo(40);
        }
        try (RaceServer async = fastApi.get(1).starter().start(ANY_PORT, 1_000)) {
            BurstClient.Result burst = BurstClient.fire(async.address(), async.waitPath(), 100, Duration.ofSeconds(30));

            assertThat(burst.ok()).as("%s", burst).isEqualTo(100);
            assertThat(async.counter().maxInFlight()).as("async def calls waiting at once on the loop").isEqualTo(100);
            assertThat(async.counter().threadsUsed()).as("threads: the loop's only").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("FastAPI's routes answer a bad ms with 400, on both kinds of route")
    void badInputIsA400() throws Exception {
        try (FastApiServer server = FastApiServer.start(ServerOptions.defaults());
             TestClient client = new TestClient(server.uri())) {
            assertThat(client.get("/sync-slow/?ms=abc").status()).isEqualTo(400);
            assertThat(client.get("/slow/?ms=-1").status()).isEqualTo(400);
            assertThat(server.counter().inFlight()).as("requests still counted in flight").isZero();
        }
    }
}
