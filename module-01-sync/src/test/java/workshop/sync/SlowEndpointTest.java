package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.EarlierTodo;
import workshop.common.InFlightCounter;
import workshop.common.JdkHttpServer;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-1.3")
@DisplayName("1.3 GET /slow/")
class SlowEndpointTest {

    @BeforeEach
    void parseMillisFirst() {
        EarlierTodo.mustBeGreen("1.3", "sends GET /slow/, whose ms your slow() reads with parseMillis()",
                () -> SyncEndpoints.parseMillis("0"));
    }

    @Test
    @DisplayName("1.3 GET /slow/?ms=N waits N ms (1200 ms for ms=1200, well under a second for ms=0), then answers \"done\"")
    void slowWaitsThenAnswers() throws Exception {
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply longWait = client.getWithin("/slow/?ms=1200", Duration.ofSeconds(5),
                    "a 1200 ms sleep should be over long before; does slow() sleep ms milliseconds? (README.md, step 1.3)");
            TestClient.Reply noWait = client.getWithin("/slow/?ms=0", Duration.ofSeconds(5),
                    "ms=0 means no wait at all; does slow() use the ms it was asked for? (README.md, step 1.3)");

            assertThat(longWait.status()).as("status of GET /slow/?ms=1200, which answered: %s", longWait).isEqualTo(200);
            assertThat(longWait.body()).isEqualTo("{\"message\": \"done\"}");
            assertThat(noWait.status()).as("status of GET /slow/?ms=0, which answered: %s", noWait).isEqualTo(200);
            List<InFlightCounter.Span> spans = server.counter().spans();
            assertThat(spans.get(0).durationMs()).as("ms the handler spent on GET /slow/?ms=1200 (Thread.sleep takes milliseconds: does slow() sleep"
                            + " the ms parseMillis() returned? README.md, step 1.3)").isGreaterThanOrEqualTo(1200);
            assertThat(spans.get(1).durationMs()).as("ms the handler spent on ms=0 (does slow() use ms?)").isLessThan(1000);
        }
    }

    @Test
    @DisplayName("1.3 GET /slow/ without ms waits the default 100 ms")
    void slowHasADefault() throws Exception {
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.getWithin("/slow/", Duration.ofSeconds(5),
                    "without ms, slow() should wait the default 100 ms (README.md, step 1.3)");

            assertThat(reply.status()).as("status of GET /slow/, which answered: %s", reply).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"message\": \"done\"}");
            assertThat(server.counter().spans().get(0).durationMs())
                    .as("ms the handler spent on GET /slow/ without ms: the default is %d ms (Thread.sleep takes milliseconds;"
                            + " README.md, step 1.3)", SyncEndpoints.DEFAULT_MS).isGreaterThanOrEqualTo(SyncEndpoints.DEFAULT_MS);
        }
    }
}
