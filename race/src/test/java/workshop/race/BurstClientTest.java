package workshop.race;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workshop.common.BurstClient;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;

@DisplayName("The burst client: every request at once, and every failure named")
class BurstClientTest {
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    @Test
    @DisplayName("200 requests waiting 1 s each are all on the server at the same time, and all answered")
    void theWholeBurstArrivesAtOnce() throws IOException {
        try (JdkHttpServer server = JdkHttpServer.create(ANY_PORT, Executors.newVirtualThreadPerTaskExecutor())
                .route("GET", "/slow/", query -> {
                    Thread.sleep(1_000);
                    return JsonResponse.ok("message", "done");
                }).start()) {
            BurstClient.Result result = BurstClient.fire(address(server), "/slow/", 200, Duration.ofSeconds(20));

            assertThat(result.ok()).as("answered with 200: %s", result).isEqualTo(200);
            assertThat(server.counter().maxInFlight()).as("requests on the server at once").isEqualTo(200);
            assertThat(result.wallMs()).as("wall time of requests that each wait 1 s").isGreaterThanOrEqualTo(1_000);
        }
    }

    @Test
    @DisplayName("an answer that is not 200 is an error, with its status and body")
    void otherStatusesAreErrors() throws IOException {
        try (JdkHttpServer server = JdkHttpServer.create(ANY_PORT, null)
                .route("GET", "/broken/", query -> {
                    throw new UnsupportedOperationException("TODO 1.3: not written yet");
                }).start()) {
            BurstClient.Result result = BurstClient.fire(address(server), "/broken/", 3, Duration.ofSeconds(10));

            assertThat(result.failed()).isEqualTo(3);
            assertThat(result.firstError()).startsWith("HTTP 500").contains("TODO 1.3");
        }
    }

    @Test
    @DisplayName("an answer sent in chunks is read to its last chunk")
    void chunkedAnswersAreRead() throws IOException {
        try (JdkHttpServer server = JdkHttpServer.create(ANY_PORT, null)
                .routeRaw("GET", "/chunked/", BurstClientTest::chunked).start()) {
            BurstClient.Result result = BurstClient.fire(address(server), "/chunked/", 5, Duration.ofSeconds(10));

            assertThat(result.ok()).as("%s", result).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("a server that never answers: the burst ends at its timeout and says so")
    void silenceEndsAtTheTimeout() throws IOException {
        CountDownLatch never = new CountDownLatch(1);
        try (JdkHttpServer server = JdkHttpServer.create(ANY_PORT, Executors.newVirtualThreadPerTaskExecutor())
                .route("GET", "/silent/", query -> {
                    never.await();
                    return JsonResponse.ok("message", "never");
                }).start()) {
            long start = System.nanoTime();
            BurstClient.Result result = BurstClient.fire(address(server), "/silent/", 4, Duration.ofMillis(300));
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(result.failed()).isEqualTo(4);
            assertThat(result.firstError()).isEqualTo("no answer within 300 ms");
            assertThat(tookMs).as("how long the burst took with a 300 ms timeout").isLessThan(10_000);
        }
    }

    @Test
    @DisplayName("nobody listening: one clear error instead of an exception")
    void nobodyListening() throws IOException {
        InetSocketAddress closed;
        try (JdkHttpServer server = JdkHttpServer.create(ANY_PORT, null).start()) {
            closed = address(server);
        }
        BurstClient.Result result = BurstClient.fire(closed, "/", 3, Duration.ofSeconds(5));

        assertThat(result.failed()).isEqualTo(3);
        assertThat(result.firstError()).startsWith("could not open connection 1 of 3");
    }

    private static void chunked(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0); // 0: the length is unknown, so the JDK server sends chunks
        try (OutputStream body = exchange.getResponseBody()) {
            body.write("{\"message\": ".getBytes(StandardCharsets.UTF_8));
            body.flush();
            body.write("\"chunked\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static InetSocketAddress address(JdkHttpServer server) {
        return new InetSocketAddress("127.0.0.1", server.port());
    }
}
