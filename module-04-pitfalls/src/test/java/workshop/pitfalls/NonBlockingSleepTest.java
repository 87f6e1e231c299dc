package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import workshop.common.Overlap;
import workshop.common.TestClient;
import workshop.loop.EventLoop;
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
            aTimerOfTheLoopEndsTheWait(server);
            TestClient.Reply first = client.get("/slow/?ms=0");
            assertThat(first.status()).as("GET /slow/?ms=0 answered %s", first).isEqualTo(200);
            theLoopRunsWhileARequestWaits(server, client);

            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> client.getAsync("/slow/?ms=2000")).toList();
            Overlap.awaitInFlight(server.counter(), REQUESTS, Duration.ofSeconds(8));
            Overlap.awaitFinished(server.counter(), 3 + REQUESTS, Duration.ofSeconds(15));

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
                    REQUESTS, server.loop().threadName(), LoopTesting.timeline(server, 3, 5));
        }
    }

    /**
     * slow()'s future must be completed by a timer of the loop, on the loop thread. Completed anywhere
     * else, some thread sat out the wait: the blocking style again, one thread asleep per request.
     */
    private static void aTimerOfTheLoopEndsTheWait(PitfallServer server) throws Exception {
        EventLoop loop = server.loop();
        CompletableFuture<String> completedOn = loop.runOnLoop(() ->
                NonBlockingHandlers.slow(loop, Duration.ofMillis(100)).thenApply(answer -> ThreadNames.current()));
        String thread = completedOn.get(5, TimeUnit.SECONDS);
        assertThat(thread)
                .as("expected slow()'s future to be completed by a timer of the loop, on %s, but it was completed on %s:"
                        + " a thread sat out the wait there, one thread asleep per request (with runAsync, on the common"
                        + " pool: a thread or two on a laptop, so the requests wait in line for them). Wait with"
                        + " loop.sleep(wait), and no thread waits at all (README.md, step 4.1)", loop.threadName(), thread)
                .isEqualTo(loop.threadName());
    }

    /** One request waits 2 s; meanwhile the loop must run other tasks. A handler that sleeps on the loop fails here, in 1 s. */
    private static void theLoopRunsWhileARequestWaits(PitfallServer server, TestClient client) throws Exception {
        CompletableFuture<TestClient.Reply> waiting = client.getAsync("/slow/?ms=2000");
        Waits.until("GET /slow/?ms=2000 waiting in its handler", Duration.ofSeconds(5),
                () -> server.counter().inFlight() > 0 || waiting.isDone(), () -> "it never started");
        if (!LoopTesting.loopAnswers(server.loop(), Duration.ofSeconds(1))) {
            throw new AssertionError("expected the loop to keep running tasks while GET /slow/?ms=2000 waits, but it ran"
                    + " none for 1 s: slow() blocks the loop thread for the whole wait (Thread.sleep on the loop is the"
                    + " Java time.sleep inside async def), and every other request waits with it. Wait with"
                    + " loop.sleep(wait), which returns a future at once (README.md, step 4.1)");
        }
    }
}
