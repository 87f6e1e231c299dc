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

/** A blocking library called from a loop handler: the 4.1 stall, hidden in code you did not write. */
@DisplayName("4.2 the pitfall: a blocking library on the loop")
@ExtendWith(UnfinishedLoop.class)
@Tag("demo")
@Tag("step-4.2")
class LegacyOnLoopDemoTest {
    private static final int REQUESTS = 4;

    @Test
    @DisplayName("4.2 the legacy client called on the loop: 4 lookups run one at a time, and each one stalls the loop")
    void aBlockingLibraryStallsTheLoop() throws Exception {
        PitfallServer.Settings settings = PitfallServer.Settings.defaults().withLegacyLatency(Duration.ofMillis(300));
        try (PitfallServer server = LoopTesting.start(settings); TestClient client = new TestClient(server.uri())) {
            int seen = LoopTesting.warmUp(server, client);

            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> client.getAsync("/legacy-blocking/?key=k" + i)).toList();
            Overlap.awaitFinished(server.counter(), 1 + REQUESTS, Duration.ofSeconds(15));

            for (CompletableFuture<TestClient.Reply> reply : replies) {
                assertThat(LoopTesting.reply(reply).status()).as("answer: %s", reply.join()).isEqualTo(200);
            }
            Overlap.assertNeverMoreThan(server.counter(), 1);
            assertThat(server.legacy().maxInFlight()).as("legacy calls in progress at once").isEqualTo(1);
            List<SlowCallback> slow = LoopTesting.slowSince(server, seen);
            System.out.println("4.2 slow callbacks: " + LoopTesting.describe(slow));
            assertThat(slow).as("slow callbacks: %s", LoopTesting.describe(slow))
                    .filteredOn(s -> s.name().equals("GET /legacy-blocking/") && s.durationMs() >= 300)
                    .hasSize(REQUESTS);
        }
    }
}
