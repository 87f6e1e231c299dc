package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.JdkHttpServer;
import workshop.common.TestClient;

/** The given server already answers wrong paths and methods; these pass before you write any code. */
@Tag("demo")
@DisplayName("1.0 routing")
class RoutingTest {

    @Test
    @DisplayName("1.0 an unknown path answers 404 with a JSON error")
    void unknownPathIs404() throws Exception {
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.get("/nowhere/");

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.body()).startsWith("{\"error\": ");
        }
    }

    @Test
    @DisplayName("1.0 a wrong method answers 405 with a JSON error")
    void wrongMethodIs405() throws Exception {
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.send("POST", "/sync/");

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(405);
            assertThat(reply.body()).startsWith("{\"error\": ");
            assertThat(server.counter().started()).as("the handler must not run for a wrong method").isZero();
        }
    }
}
