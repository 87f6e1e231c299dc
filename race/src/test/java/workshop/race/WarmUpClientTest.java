package workshop.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;
import workshop.common.WarmUpClient;

@DisplayName("The warm-up client: thousands of requests on a few kept-alive connections, within a time budget")
class WarmUpClientTest {
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    @Test
    @DisplayName("2,000 requests travel on the 10 connections it opened, and every one is answered")
    void manyRequestsOnFewConnections() throws IOException {
        Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
        try (JdkHttpServer server = JdkHttpServer.create(ANY_PORT, null)) {
            server.routeRaw("GET", "/fast/", exchange -> {
                clients.add(exchange.getRemoteAddress());
                byte[] body = "{\"message\": \"hello\"}".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            }).start();

            int answered = WarmUpClient.run(address(server), "/fast/", 10, 2_000, Duration.ofSeconds(20));

            assertThat(answered).as("answers received").isEqualTo(2_000);
            assertThat(clients).as("client connections the server saw").hasSizeLessThanOrEqualTo(10);
        }
    }

    @Test
    @DisplayName("a server that takes one 100 ms request at a time gets a few requests, not 1,000: the budget ends it")
    void theBudgetEndsASlowWarmUp() throws IOException {
        try (JdkHttpServer server = JdkHttpServer.create(ANY_PORT, null)
                .route("GET", "/slow/", query -> {
                    Thread.sleep(100);
                    return JsonResponse.ok("message", "done");
                }).start()) {
            long start = System.nanoTime();

            int answered = WarmUpClient.run(address(server), "/slow/", 5, 1_000, Duration.ofMillis(300));

            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(answered).as("answers within a 300 ms budget, one 100 ms request at a time").isLessThanOrEqualTo(5);
            assertThat(tookMs).as("ms the warm-up took with a 300 ms budget").isLessThan(3_000);
        }
    }

    private static InetSocketAddress address(JdkHttpServer server) {
        return new InetSocketAddress("127.0.0.1", server.port());
    }
}
