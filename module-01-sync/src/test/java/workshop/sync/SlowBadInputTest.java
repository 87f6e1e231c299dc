package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.common.EarlierTodo;
import workshop.common.JdkHttpServer;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-1.3")
@DisplayName("1.3 GET /slow/ with bad input")
class SlowBadInputTest {
    /** A 400 needs no waiting; a slow() that sleeps a bad ms (10001 is one) would hold the answer for seconds. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    @BeforeEach
    void parseMillisFirst() {
        EarlierTodo.mustBeGreen("1.3", "sends GET /slow/, whose ms your slow() reads with parseMillis()",
                () -> SyncEndpoints.parseMillis("0"));
    }

    @DisplayName("1.3 GET /slow/ with a bad ms answers 400")
    @ParameterizedTest(name = "GET /slow/?ms={0} is the client''s mistake: 400 with a JSON error")
    @ValueSource(strings = {"abc", "-1", "10001", "1.5", "", "99999999999999999999"})
    void badMillisIsA400(String ms) throws Exception {
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.getWithin("/slow/?ms=" + ms, ANSWER_WITHIN,
                    "a bad ms is answered with 400 at once, but your slow() is still busy with it (sleeping it?):"
                            + " read ms with parseMillis() (1.2) before sleeping (README.md, step 1.3)");

            assertThat(reply.status())
                    .as("status of GET /slow/?ms=%s, which answered: %s (a bad ms is the client's mistake: does your"
                            + " slow() read ms with parseMillis()? README.md, step 1.3)", ms, reply)
                    .isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.body()).as("the error should say what is wrong with ms").startsWith("{\"error\": ").contains("ms");
        }
    }
}
