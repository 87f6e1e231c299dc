package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.JdkHttpServer;
import workshop.common.TestClient;

/** The given server answers wrong paths and methods itself; these pass before you write any code. */
@Tag("demo")
@DisplayName("2.0 look around: routing")
class RoutingTest {

    @Test
    @DisplayName("2.0 an unknown path answers 404 with a JSON error")
    void unknownPathIs404() throws Exception {
        try (JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0));
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.get("/nowhere/");

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(404);
            assertThat(reply.body()).startsWith("{\"error\": ");
        }
    }

    @Test
    @DisplayName("2.0 a wrong method answers 405 and never reaches the async handler")
    void wrongMethodIs405() throws Exception {
        try (JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0));
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.send("DELETE", "/slow/");

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(405);
            assertThat(server.counter().started()).as("requests that reached a handler").isZero();
        }
    }
}
