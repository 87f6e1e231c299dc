package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.InFlightCounter;
import workshop.common.JdkHttpServer;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-1.3")
class SlowEndpointTest {

    @Test
    @DisplayName("1.3 GET /slow/?ms=150 waits at least 150 ms, then answers {\"message\": \"done\"}")
    void slowWaitsThenAnswers() throws Exception {
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.get("/slow/?ms=150");

            assertThat(reply.status()).as("status of GET /slow/?ms=150, which answered: %s", reply).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"message\": \"done\"}");
            InFlightCounter.Span span = server.counter().spans().get(0);
            assertThat(span.durationMs()).as("time the handler spent on ms=150").isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    @DisplayName("1.3 GET /slow/ without ms waits the default 100 ms")
    void slowHasADefault() throws Exception {
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.get("/slow/");

            assertThat(reply.status()).as("status of GET /slow/, which answered: %s", reply).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"message\": \"done\"}");
            assertThat(server.counter().spans().get(0).durationMs())
                    .as("time the handler spent without ms").isGreaterThanOrEqualTo(SyncEndpoints.DEFAULT_MS);
        }
    }
}
