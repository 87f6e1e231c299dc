package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.Overlap;
import workshop.common.TestClient;
import workshop.loop.SlowCallback;

@Tag("exercise")
@Tag("step-4.2")
class OffloadLegacyTest {
    private static final int REQUESTS = 16;

    @Test
    @DisplayName("4.2 GET /legacy/ offloaded: 16 blocking lookups of 1.5 s run at once off the loop, resume on the loop thread, and the handler is never a slow callback")
    void blockingCallsRunOffTheLoop() throws Exception {
        PitfallServer.Settings settings = PitfallServer.Settings.defaults().withLegacyLatency(Duration.ofMillis(1500));
        try (PitfallServer server = LoopTesting.start(settings); TestClient client = new TestClient(server.uri())) {
            int seen = LoopTesting.warmUp(server, client);
            TestClient.Reply first = client.get("/legacy/?key=first");
            assertThat(first.status()).as("GET /legacy/?key=first answered %s", first).isEqualTo(200);
            assertThat(first.body()).isEqualTo("{\"key\": \"first\", \"value\": \"value of first\", \"resumedOn\": \""
                    + server.loop().threadName() + "\"}");

            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> client.getAsync("/legacy/?key=k" + i)).toList();
            Overlap.awaitInFlight(server.counter(), REQUESTS, Duration.ofSeconds(8));
            Overlap.awaitFinished(server.counter(), 2 + REQUESTS, Duration.ofSeconds(15));

            for (CompletableFuture<TestClient.Reply> reply : replies) {
                TestClient.Reply answer = LoopTesting.reply(reply);
                assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
            }
            assertThat(server.legacy().maxInFlight()).as("legacy calls in progress at once").isEqualTo(REQUESTS);
            assertThat(server.answersOnLoop()).as("answers counted on the loop thread").isEqualTo(1 + REQUESTS);
            List<SlowCallback> slow = LoopTesting.slowSince(server, seen);
            assertThat(LoopTesting.slowHandlers(server, seen, "GET /legacy/"))
                    .as("the handler held the loop; all slow callbacks: %s", LoopTesting.describe(slow)).isEmpty();
        }
    }
}
