package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

@DisplayName("4.5 your fix: quote() combined")
@ExtendWith(UnfinishedLoop.class)
@Tag("exercise")
@Tag("step-4.5")
class CombinedQuoteTest {
    private static final String QUOTE = "\\{\"item\": \"%s\", \"priceCents\": \\d+, \"stock\": \\d+\\}";

    @Test
    @DisplayName("4.5 GET /quote/ combined: both lookups start at once, and the loop keeps answering while they run")
    void bothLookupsRunWhileTheLoopIsFree() throws Exception {
        PitfallServer.Settings settings = PitfallServer.Settings.defaults().withCatalogLatency(Duration.ofMillis(1000));
        try (PitfallServer server = LoopTesting.start(settings); TestClient client = new TestClient(server.uri())) {
            LoopTesting.warmUp(server, client);

            CompletableFuture<TestClient.Reply> quote = client.getAsync("/quote/?item=apple");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.catalog().pendingLookups() == 2 || quote.isDone());
            assertThat(quote.isDone()).as("answered before the lookups were done: %s", quote.getNow(null)).isFalse();
            assertThat(client.get("/sync/").status()).as("/sync/ while the quote waits").isEqualTo(200);

            TestClient.Reply answer = LoopTesting.reply(quote);
            assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
            assertThat(answer.body()).matches(String.format(QUOTE, "apple"));
            System.out.println("4.5 quote(): both lookups were pending at once, /sync/ answered meanwhile, then "
                    + answer.status() + " " + answer.body());
        }
    }

    @Test
    @DisplayName("4.5 GET /quote/ combined: 10 quotes wait side by side on the loop, and the handler is never a slow callback")
    void quotesOverlap() throws Exception {
        int requests = 10;
        PitfallServer.Settings settings = PitfallServer.Settings.defaults().withCatalogLatency(Duration.ofMillis(1000));
        try (PitfallServer server = LoopTesting.start(settings); TestClient client = new TestClient(server.uri())) {
            int seen = LoopTesting.warmUp(server, client);
            TestClient.Reply first = client.get("/quote/?item=first");
            assertThat(first.status()).as("GET /quote/?item=first answered %s", first).isEqualTo(200);

            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, requests)
                    .mapToObj(i -> client.getAsync("/quote/?item=item-" + i)).toList();
            Overlap.awaitInFlight(server.counter(), requests, Duration.ofSeconds(8));
            Overlap.awaitFinished(server.counter(), 2 + requests, Duration.ofSeconds(15));

            for (int i = 0; i < requests; i++) {
                TestClient.Reply answer = LoopTesting.reply(replies.get(i));
                assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
                assertThat(answer.body()).matches(String.format(QUOTE, "item-" + i));
            }
            List<SlowCallback> slow = LoopTesting.slowSince(server, seen);
            assertThat(LoopTesting.slowHandlers(server, seen, "GET /quote/"))
                    .as("the handler held the loop; all slow callbacks: %s", LoopTesting.describe(slow)).isEmpty();
            System.out.printf("4.5 quote(): %d quotes in flight at once, all on %s; GET /quote/ was never a slow callback%n",
                    server.counter().maxInFlight(), server.loop().threadName());
        }
    }
}
