package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.Overlap;
import workshop.common.TestClient;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;

/** The given HTTP server on your loop: the lesson's endpoints, answered by one thread. */
@Tag("exercise")
@Tag("step-3.6")
@DisplayName("3.6 endpoints: the lesson's /sync/, /async/ and /slow/ on your loop")
class HttpOnLoopTest {

    @BeforeEach
    void serverRunsOnYourLoop() {
        EarlierSteps.serverMustRun("3.6");
    }

    @Test
    @DisplayName("3.6 GET /sync/, /async/ and /slow/ answer 200 with their JSON message")
    void theEndpointsAnswer() {
        try (LoopHttpServer server = LoopServer.start(ServerOptions.defaults());
             TestClient client = new TestClient(server.uri())) {
            assertReply(client.get("/sync/"), 200, "{\"message\": \"sync\"}");
            assertReply(client.get("/async/"), 200, "{\"message\": \"async\"}");
            assertReply(client.get("/slow/?ms=50"), 200, "{\"message\": \"done\"}");
            assertReply(client.get("/slow/"), 200, "{\"message\": \"done\"}");
            assertThat(client.get("/sync/").contentType()).isEqualTo("application/json");
        }
    }

    @Test
    @DisplayName("3.6 bad ms is 400, an unknown path 404, a wrong method 405, all with a JSON error")
    void clientMistakes() {
        try (LoopHttpServer server = LoopServer.start(ServerOptions.defaults());
             TestClient client = new TestClient(server.uri())) {
            for (String ms : List.of("abc", "-1", "10001", "1.5", "")) {
                TestClient.Reply reply = client.get("/slow/?ms=" + ms);
                assertThat(reply.status()).as("GET /slow/?ms=%s answered %s", ms, reply).isEqualTo(400);
                assertThat(reply.body()).startsWith("{\"error\": ").contains("ms");
            }
            TestClient.Reply missing = client.get("/nowhere/");
            assertThat(missing.status()).as("answer: %s", missing).isEqualTo(404);
            TestClient.Reply wrongMethod = client.send("POST", "/sync/");
            assertThat(wrongMethod.status()).as("answer: %s", wrongMethod).isEqualTo(405);
            assertThat(wrongMethod.body()).startsWith("{\"error\": ");
        }
    }

    @Test
    @DisplayName("3.6 every request is counted from parse to answer, on the loop thread")
    void requestsAreCountedOnTheLoopThread() {
        try (LoopHttpServer server = LoopServer.start(ServerOptions.defaults());
             TestClient client = new TestClient(server.uri())) {
            client.get("/sync/");
            client.get("/slow/?ms=10");

            // a request ends once its answer has left the server, which may be just after the client has read it
            Overlap.awaitFinished(server.counter(), 2, Duration.ofSeconds(10));
            assertThat(server.counter().spans()).hasSize(2)
                    .allSatisfy(span -> assertThat(span.thread()).isEqualTo(server.loop().threadName()));
            assertThat(server.counter().inFlight()).isZero();
        }
    }

    @Test
    @DisplayName("3.6 trace mode shows accept, read, handler, timer and write, in that order")
    void traceModeTellsTheStory() throws Exception {
        List<String> trace = new CopyOnWriteArrayList<>();
        EventLoop loop = new EventLoop();
        loop.traceTo(trace::add);
        try (LoopHttpServer server = LoopHttpServer.start(loop, ServerOptions.defaults(), LoopServer.routes(loop));
             RawClient client = RawClient.connect(server.port())) {
            client.send(RawClient.get("/slow/?ms=20"));
            assertThat(client.readReply().status()).isEqualTo(200);

            Waits.until("the trace to show the answer written", Duration.ofSeconds(5),
                    () -> trace.stream().anyMatch(line -> line.contains("wrote")),
                    () -> "the trace so far said:\n" + String.join("\n", trace));
            String story = String.join("\n", trace);
            assertThat(story).containsSubsequence("accepted", "read", "run handler for GET /slow/?ms=20", "waits",
                    "timer fired", "answer 200", "wrote");
            assertThat(trace).allSatisfy(line -> assertThat(line).contains("[" + loop.threadName() + "]"));
        }
    }

    private static void assertReply(TestClient.Reply reply, int status, String body) {
        assertThat(reply.status()).as("answer: %s", reply).isEqualTo(status);
        assertThat(reply.body()).as("answer: %s", reply).isEqualTo(body);
    }
}
