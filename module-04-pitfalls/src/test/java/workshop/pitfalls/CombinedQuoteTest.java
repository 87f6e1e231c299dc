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

            Catalog catalog = server.catalog();
            CompletableFuture<TestClient.Reply> quote = client.getAsync("/quote/?item=apple");
            theLoopRunsWhileAQuoteWaits(server, quote);
            Waits.until("both lookups, price and stock, pending at the same time", Duration.ofSeconds(5),
                    () -> catalog.maxPendingLookups() >= 2 || catalog.answeredLookups() > 0 || quote.isDone(),
                    () -> catalog.pendingLookups() + " lookup(s) pending and " + catalog.answeredLookups() + " answered");
            if (catalog.maxPendingLookups() < 2 && catalog.answeredLookups() > 0) {
                throw new AssertionError(String.format("expected both lookups, price and stock, pending at the same time,"
                        + " but the first one was answered before the second started (at most 1 pending at a time, %d"
                        + " answered): quote() waits for one lookup before it starts the other, as two awaits in a row"
                        + " would, so the quote takes two latencies instead of one. Start both lookups first, then combine"
                        + " their futures with thenCombine, the Java asyncio.gather for two (README.md, step 4.5)",
                        catalog.answeredLookups()));
            }
            int answeredBefore = catalog.answeredLookups();
            if (quote.isDone() && answeredBefore < 2) {
                throw new AssertionError(String.format("expected no answer before both lookups were done, but GET /quote/"
                        + " answered %s with %d lookup(s) answered: build the quote from the two lookups' results"
                        + " (README.md, step 4.5)", quote.getNow(null), answeredBefore));
            }
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
            CompletableFuture<TestClient.Reply> firstQuote = client.getAsync("/quote/?item=first");
            theLoopRunsWhileAQuoteWaits(server, firstQuote);
            TestClient.Reply first = LoopTesting.reply(firstQuote);
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

    /**
     * Fails at once, and frees the loop, when the quote's handler waits on the loop thread: the
     * catalog answers through the loop's timers, so a loop thread in join() would wait for good.
     */
    private static void theLoopRunsWhileAQuoteWaits(PitfallServer server, CompletableFuture<TestClient.Reply> quote)
            throws InterruptedException {
        Catalog catalog = server.catalog();
        Waits.until("GET /quote/ to start its lookups", Duration.ofSeconds(5),
                () -> catalog.pendingLookups() > 0 || catalog.answeredLookups() > 0 || quote.isDone(),
                () -> "no lookup started and no answer came");
        if (!LoopTesting.loopAnswers(server.loop(), Duration.ofSeconds(1))) {
            LoopTesting.rescue(server);
            throw new AssertionError("expected the loop to keep running tasks while GET /quote/ waits for its lookups,"
                    + " but it ran none for 1 s: quote() waits on the loop thread (join() or get() on a lookup), for a"
                    + " future that only a timer of this very loop can complete, so it would wait forever (the test"
                    + " answered the lookups itself to free the loop). Chain the lookups instead of waiting: start both,"
                    + " then thenCombine (README.md, step 4.5)");
        }
    }
}
