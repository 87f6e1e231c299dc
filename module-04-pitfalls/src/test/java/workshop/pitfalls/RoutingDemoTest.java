package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import workshop.common.TestClient;

/** The given server on module 03's loop answers bad input before any of your code runs. */
@DisplayName("4.0 look around: the given server")
@ExtendWith(UnfinishedLoop.class)
@Tag("demo")
@Tag("step-4.0")
class RoutingDemoTest {

    @Test
    @DisplayName("4.0 the pitfall server answers /sync/ at once, and bad input with a JSON 400, 404 or 405")
    void answersAndRejects() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            assertThat(client.get("/sync/").body()).isEqualTo("{\"message\": \"sync\"}");
            for (String bad : new String[] {"/slow/?ms=abc", "/blocking/?ms=-1", "/hash/?ms=99999", "/legacy/", "/quote/?item="}) {
                TestClient.Reply reply = client.get(bad);
                assertThat(reply.status()).as("GET %s answered %s", bad, reply).isEqualTo(400);
                assertThat(reply.body()).startsWith("{\"error\": ");
            }
            assertThat(client.get("/nowhere/").status()).isEqualTo(404);
            assertThat(client.send("POST", "/sync/").status()).isEqualTo(405);
            assertThat(client.send("GET", "/save/").status()).isEqualTo(405);
        }
    }
}
