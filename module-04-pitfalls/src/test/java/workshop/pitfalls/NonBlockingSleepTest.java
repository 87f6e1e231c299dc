package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import workshop.common.Overlap;
import workshop.common.TestClient;
import workshop.loop.SlowCallback;

@DisplayName("4.1 your fix: slow() waits with the loop's sleep")
@ExtendWith(UnfinishedLoop.class)
@Tag("exercise")
@Tag("step-4.1")
class NonBlockingSleepTest {
    private static final int REQUESTS = 20;

    @Test
    @DisplayName("4.1 GET /slow/?ms=2000 with loop.sleep: 20 requests wait side by side on the one loop thread, and the handler is never a slow callback")
    void theLoopSleepsWithoutBlocking() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            int seen = LoopTesting.warmUp(server, client);
            TestClient.Reply first = client.get("/slow/?ms=0");
            assertThat(first.status()).as("GET /slow/?ms=0 answered %s", first).isEqualTo(200);

            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> client.getAsync("/slow/?ms=2000")).toList();
            Overlap.awaitInFlight(server.counter(), REQUESTS, Duration.ofSeconds(8));
            Overlap.awaitFinished(server.counter(), 2 + REQUESTS, Duration.ofSeconds(15));

            for (CompletableFuture<TestClient.Reply> reply : replies) {
                TestClient.Reply answer = LoopTesting.reply(reply);
                assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("{\"message\": \"done\"}");
            }
            assertThat(server.counter().threadsUsed()).as("threads that ran the handlers").isEqualTo(1);
            List<SlowCallback> slow = LoopTesting.slowSince(server, seen);
            assertThat(LoopTesting.slowHandlers(server, seen, "GET /slow/"))
                    .as("the handler held the loop; all slow callbacks: %s", LoopTesting.describe(slow)).isEmpty();
            System.out.printf("4.1 loop.sleep: %d requests in flight at once, all on %s; GET /slow/ was never a slow callback:%n%s",
                    server.counter().maxInFlight(), server.loop().threadName(), LoopTesting.timeline(server, 2, 5));
        }
    }
}
