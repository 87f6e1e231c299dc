package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.JdkHttpServer;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-1.1")
@DisplayName("1.1 GET /sync/")
class SyncEndpointTest {

    @Test
    @DisplayName("1.1 GET /sync/ answers 200 with {\"message\": \"sync\"} as JSON")
    void syncAnswersJson() throws Exception {
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.get("/sync/");

            assertThat(reply.status()).as("status of GET /sync/, which answered: %s", reply).isEqualTo(200);
            assertThat(reply.contentType()).as("Content-Type of GET /sync/").startsWith("application/json");
            assertThat(reply.body()).as("body of GET /sync/ (JSON, with double quotes: JsonResponse.ok writes it for you; README.md, step 1.1)").isEqualTo("{\"message\": \"sync\"}");
        }
    }
}
