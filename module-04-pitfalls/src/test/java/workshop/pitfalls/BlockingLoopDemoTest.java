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

/** The lesson's "never do this": time.sleep inside async def, as given code. */
@DisplayName("4.1 the pitfall: Thread.sleep on the loop")
@ExtendWith(UnfinishedLoop.class)
@Tag("demo")
@Tag("step-4.1")
class BlockingLoopDemoTest {
    private static final int REQUESTS = 5;

    @Test
    @DisplayName("4.1 Thread.sleep on the loop: 5 requests sent at once run one after another, and each is reported as a slow callback")
    void aSleepingLoopServesOneRequestAtATime() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            int seen = LoopTesting.warmUp(server, client);

            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> client.getAsync("/blocking/?ms=300")).toList();
            Overlap.awaitFinished(server.counter(), 1 + REQUESTS, Duration.ofSeconds(15));

            for (CompletableFuture<TestClient.Reply> reply : replies) {
                assertThat(LoopTesting.reply(reply).status()).as("answer: %s", reply.join()).isEqualTo(200);
            }
            Overlap.assertNeverMoreThan(server.counter(), 1);
            List<SlowCallback> slow = LoopTesting.slowSince(server, seen);
            System.out.println("4.1 slow callbacks: " + LoopTesting.describe(slow));
            System.out.print("4.1 Thread.sleep on the loop, " + REQUESTS + " requests sent at once, one at a time:\n"
                    + LoopTesting.timeline(server, 1, REQUESTS));
            assertThat(slow).as("slow callbacks: %s", LoopTesting.describe(slow))
                    .filteredOn(s -> s.name().equals("GET /blocking/") && s.durationMs() >= 300)
                    .hasSize(REQUESTS);
        }
    }
}
