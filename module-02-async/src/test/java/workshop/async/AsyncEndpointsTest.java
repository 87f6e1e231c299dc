package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.common.EarlierTodo;
import workshop.common.InFlightCounter;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-2.5")
@DisplayName("2.5 async endpoints")
class AsyncEndpointsTest {

    /**
     * Steps 2.2 to 2.4 first: every request of step 2.5 goes through your adapter (2.3, 2.4), and a
     * {@code /slow/} request also through your sleep (2.2). Each one still unfinished is named at once.
     */
    static void earlierStepsFirst(boolean sleeps) {
        if (sleeps) {
            EarlierSteps.sleepMustBeGreen("2.5", "sends GET /slow/, which waits with your AsyncSleep.sleep()");
        }
        EarlierTodo.mustBeGreen("2.5", "sends requests through your adapter, which answers with toResponse()",
                () -> AsyncAdapter.toResponse(JsonResponse.ok("probe", "ok"), null));
        EarlierTodo.mustBeGreen("2.5", "sends requests through your adapter's answer()",
                () -> AsyncAdapter.answer(query -> CompletableFuture.completedFuture(JsonResponse.ok("probe", "ok")),
                        Map.of(), Duration.ofSeconds(EarlierTodo.WAIT_SECONDS)));
    }

    /** One quick request first, so a bigger test that cannot work yet shows the server's answer at once. */
    static void assertOneSlowRequestWorks(JdkHttpServer server) {
        earlierStepsFirst(true);
        assertSlowReturnsAtOnce();
        try (TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.get("/slow/?ms=0");
            assertThat(reply.status()).as("one GET /slow/?ms=0 must work before many can; it answered: %s", reply)
                    .isEqualTo(200);
        }
    }

    /**
     * Calls your slow() directly with a short wait: it must return a future that is not complete yet. A slow() that
     * waits for its sleep first (join, get, Thread.sleep) would serve a burst one request at a time, each holding the
     * dispatcher for its whole wait, so the tests that send many requests check this first.
     */
    static void assertSlowReturnsAtOnce() {
        long start = System.nanoTime();
        CompletableFuture<JsonResponse> answer = AsyncEndpoints.slow(Map.of("ms", "1000"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer).as("slow() must return its future at once, before its 1000 ms sleep is over, but it returned"
                + " after %d ms with the sleep already done: it waits for the sleep (join? get? Thread.sleep?) on the"
                + " dispatcher, the server's only thread, so every other request waits behind it; return the sleep's"
                + " future, turned into the answer, instead (README.md, step 2.5)", tookMs).isNotDone();
        answer.cancel(true);
    }

    @Test
    @DisplayName("2.5 slow() returns its future at once, while its sleep still waits")
    void slowReturnsAtOnce() {
        earlierStepsFirst(true);
        assertSlowReturnsAtOnce();
    }

    @Test
    @DisplayName("2.5 GET /async/ answers 200 with {\"message\": \"async\"} as JSON")
    void helloAnswersAtOnce() throws Exception {
        earlierStepsFirst(false);
        try (JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0));
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.get("/async/");

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.body()).isEqualTo("{\"message\": \"async\"}");
        }
    }

    @Test
    @DisplayName("2.5 GET /slow/?ms=150 waits at least 150 ms, then answers {\"message\": \"done\"}")
    void slowWaitsThenAnswers() throws Exception {
        earlierStepsFirst(true);
        try (JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0));
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.getWithin("/slow/?ms=150", Duration.ofSeconds(5),
                    "a 150 ms sleep should be over long before (README.md, step 2.5)");

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"message\": \"done\"}");
            InFlightCounter.Span span = server.counter().spans().get(0);
            assertThat(span.durationMs()).as("ms the request was in flight for GET /slow/?ms=150: does slow() sleep the ms it read? (README.md,"
                    + " step 2.5)").isGreaterThanOrEqualTo(150);
        }
    }

    @DisplayName("2.5 a bad ms is a 400")
    @ParameterizedTest(name = "2.5 GET /slow/?ms={0} is the client''s mistake: 400 with a JSON error")
    @ValueSource(strings = {"abc", "-1", "10001", ""})
    void badMillisIsA400(String ms) throws Exception {
        earlierStepsFirst(false);
        try (JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0));
             TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.getWithin("/slow/?ms=" + ms, Duration.ofSeconds(3), "a bad ms is"
                    + " answered with 400 at once, but your slow() is still busy with it (sleeping it?): read ms with"
                    + " Millis.parse() before the sleep starts (README.md, step 2.5)");

            assertThat(reply.status()).as("answer to GET /slow/?ms=%s: %s (a bad ms is the client's mistake, a 400: read"
                    + " ms with Millis.parse(), whose BadRequestException your adapter turns into a 400; README.md, step"
                    + " 2.5)", ms, reply).isEqualTo(400);
            assertThat(reply.body()).startsWith("{\"error\": ").contains("ms");
        }
    }
}
