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

/** CPU work on the loop: nothing is waited for, and still nothing else runs. */
@DisplayName("4.3 the pitfall: CPU work on the loop")
@ExtendWith(UnfinishedLoop.class)
@Tag("demo")
@Tag("step-4.3")
class CpuOnLoopDemoTest {
    private static final int REQUESTS = 3;

    @Test
    @DisplayName("4.3 hashing on the loop: 3 hashes of 300 ms of CPU each run one after another, each one a slow callback")
    void cpuWorkStallsTheLoop() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            int seen = LoopTesting.warmUp(server, client);

            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> client.getAsync("/hash-blocking/?ms=300&text=payload-" + i)).toList();
            Overlap.awaitFinished(server.counter(), 1 + REQUESTS, Duration.ofSeconds(15));

            for (CompletableFuture<TestClient.Reply> reply : replies) {
                TestClient.Reply answer = LoopTesting.reply(reply);
                assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
                assertThat(answer.body()).contains("\"hashedOn\": \"" + server.loop().threadName() + "\"");
            }
            Overlap.assertNeverMoreThan(server.counter(), 1);
            List<SlowCallback> slow = LoopTesting.slowSince(server, seen);
            System.out.println("4.3 slow callbacks: " + LoopTesting.describe(slow));
            assertThat(slow).as("slow callbacks: %s", LoopTesting.describe(slow))
                    .filteredOn(s -> s.name().equals("GET /hash-blocking/") && s.durationMs() >= 300)
                    .hasSize(REQUESTS);
        }
    }
}
