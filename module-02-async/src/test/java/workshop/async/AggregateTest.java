package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.EarlierTodo;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;
import workshop.common.Millis;
import workshop.common.TestClient;
import workshop.common.Timeline;

@Tag("exercise")
@Tag("step-2.7")
@DisplayName("2.7 aggregate")
class AggregateTest {
    private static final long PART_MS = 400;

    private static final String HOW =
            "sends GET /aggregate/, which runs your fetch() (2.6) through your adapter (2.3, 2.4)";

    private static List<URI> threeParts(URI base) {
        return List.of(base.resolve("/part/?name=weather&ms=" + PART_MS), base.resolve("/part/?name=news&ms=" + PART_MS),
                base.resolve("/part/?name=quotes&ms=" + PART_MS));
    }

    @Test
    @DisplayName("2.7 GET /aggregate/ calls its three parts at once: they overlap downstream, and it takes less than their sum")
    void partsOverlap() throws Exception {
        try (HttpClient client = Downstream.newClient();
             JdkHttpServer downstream = DownstreamServer.start(new InetSocketAddress("127.0.0.1", 0));
             JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0), AsyncServer.DEFAULT_DEADLINE,
                     Downstream.at(client, downstream.uri()).withParts(threeParts(downstream.uri())));
             TestClient test = new TestClient(server.uri())) {
            // warm-up: the first call also loads the HTTP client's classes
            EarlierTodo.check("2.7", HOW, test.get("/aggregate/"));
            int callsBefore = downstream.counter().started();

            long start = System.nanoTime();
            TestClient.Reply reply = test.get("/aggregate/");
            double tookMs = (System.nanoTime() - start) / 1e6;

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"weather\": \"ready after 400 ms\", \"news\": \"ready after 400 ms\", "
                    + "\"quotes\": \"ready after 400 ms\"}");
            assertThat(downstream.counter().started() - callsBefore).as("downstream calls for one /aggregate/").isEqualTo(3);
            assertThat(downstream.counter().maxInFlight())
                    .as("downstream calls in flight at once for one GET /aggregate/ of 3 parts (start every call before"
                            + " waiting for any; README.md, step 2.7):%n%s", Timeline.render(downstream.counter().spans(), 10))
                    .isEqualTo(3);
            assertThat(tookMs).as("ms for three parts of %d ms each (one at a time would take %d)", PART_MS, 3 * PART_MS)
                    .isLessThan(3 * PART_MS);
        }
    }

    @Test
    @DisplayName("2.7 aggregate() returns its future at once, while its parts are still on the wire")
    void aggregateDoesNotWait() throws Exception {
        try (HttpClient client = Downstream.newClient();
             JdkHttpServer downstream = DownstreamServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            long start = System.nanoTime();
            CompletableFuture<JsonResponse> answer;
            try {
                answer = FanOut.aggregate(client, threeParts(downstream.uri()), Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                EarlierTodo.check("2.7", "calls your aggregate(), which runs your fetch() (2.6)", e.getMessage());
                throw e;
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer).as("aggregate() must return its future at once, while its three %d ms parts are still"
                    + " on the wire, but it returned after %d ms with the answer already there: it waits for the parts"
                    + " (join? get?) on the caller's thread, the server's only thread; combine the futures with allOf"
                    + " instead (README.md, step 2.7)", PART_MS, tookMs).isNotDone();
            assertThat(answer.get(10, TimeUnit.SECONDS).status()).as("status of the merged answer").isEqualTo(200);
        }
    }

    @Test
    @DisplayName("2.7 one failing part makes GET /aggregate/ a 502 that names it, not a hang")
    void oneFailingPartIs502() throws Exception {
        try (HttpClient client = Downstream.newClient();
             JdkHttpServer downstream = DownstreamServer.start(new InetSocketAddress("127.0.0.1", 0));
             JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0), AsyncServer.DEFAULT_DEADLINE,
                     Downstream.at(client, downstream.uri()).withParts(List.of(
                             downstream.uri().resolve("/part/?name=weather&ms=50"), downstream.uri().resolve("/fail/"))));
             TestClient test = new TestClient(server.uri())) {
            TestClient.Reply reply = EarlierTodo.check("2.7", HOW, test.get("/aggregate/"));

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(502);
            assertThat(reply.body()).startsWith("{\"error\": ").contains("/fail/");
        }
    }

    @Test
    @DisplayName("2.7 one part slower than the downstream timeout makes GET /aggregate/ a 504 soon after the timeout")
    void oneSlowPartIs504() throws Exception {
        try (HttpClient client = Downstream.newClient();
             JdkHttpServer downstream = DownstreamServer.start(new InetSocketAddress("127.0.0.1", 0));
             JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0), AsyncServer.DEFAULT_DEADLINE,
                     Downstream.at(client, downstream.uri()).withTimeout(Duration.ofMillis(300)).withParts(List.of(
                             downstream.uri().resolve("/part/?name=weather&ms=50"),
                             downstream.uri().resolve("/part/?name=sloth&ms=" + Millis.MAX_MS))));
             TestClient test = new TestClient(server.uri())) {
            long start = System.nanoTime();
            TestClient.Reply reply = EarlierTodo.check("2.7", HOW, test.get("/aggregate/"));
            double tookMs = (System.nanoTime() - start) / 1e6;

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(504);
            assertThat(reply.body()).startsWith("{\"error\": ").contains("sloth");
            assertThat(tookMs).as("ms until the 504 (timeout 300 ms, slow part 10,000 ms)").isLessThan(5_000);
        }
    }
}
