package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import workshop.common.Overlap;
import workshop.common.TestClient;
import workshop.loop.SlowCallback;

@DisplayName("4.3 your fix, part 2: hash() off the loop")
@ExtendWith(UnfinishedLoop.class)
@Tag("exercise")
@Tag("step-4.3")
class HashOffLoopTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Pattern HASHED_ON = Pattern.compile("\"hashedOn\": \"([^\"]+)\"");

    @Test
    @DisplayName("4.3 GET /hash/ on the CPU pool: while the pool works through 4 hashes per core, the loop still answers /sync/, and the handler is never a slow callback")
    void theLoopStaysFreeWhileTheCoresWork() throws Exception {
        int requests = 4 * CORES;
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            int seen = LoopTesting.warmUp(server, client);
            TestClient.Reply first = client.get("/hash/?ms=0");
            assertThat(first.status()).as("GET /hash/?ms=0 answered %s", first).isEqualTo(200);

            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, requests)
                    .mapToObj(i -> client.getAsync("/hash/?ms=300&text=payload-" + i)).toList();
            await().atMost(Duration.ofSeconds(8)).until(() -> server.cpu().running() > 0);
            TestClient.Reply ping = client.get("/sync/");
            int stillHashing = server.cpu().running();
            Overlap.awaitFinished(server.counter(), 3 + requests, Duration.ofSeconds(20));

            assertThat(ping.status()).isEqualTo(200);
            assertThat(stillHashing).as("hashes still running when the loop answered /sync/").isPositive();
            for (CompletableFuture<TestClient.Reply> reply : replies) {
                TestClient.Reply answer = LoopTesting.reply(reply);
                assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
                assertThat(answer.body()).as("the hash must run off the loop thread: %s", answer)
                        .doesNotContain("\"hashedOn\": \"" + server.loop().threadName() + "\"");
            }
            assertThat(server.cpu().maxRunning()).as("hashes running at once on %d cores", CORES).isLessThanOrEqualTo(CORES);
            Set<String> hashedOn = new TreeSet<>();
            for (CompletableFuture<TestClient.Reply> reply : replies) {
                Matcher thread = HASHED_ON.matcher(reply.join().body());
                if (thread.find()) {
                    hashedOn.add(thread.group(1));
                }
            }
            List<SlowCallback> slow = LoopTesting.slowSince(server, seen);
            assertThat(LoopTesting.slowHandlers(server, seen, "GET /hash/"))
                    .as("the handler held the loop; all slow callbacks: %s", LoopTesting.describe(slow)).isEmpty();
            System.out.printf("4.3 hash(): %d hashes of 300 ms of CPU, on %s, at most %d at once on %d cores; the loop"
                            + " answered /sync/ while %d were hashing; GET /hash/ was never a slow callback%n",
                    requests, String.join(", ", hashedOn), server.cpu().maxRunning(), CORES, stillHashing);
        }
    }
}
