package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.JdkHttpServer;
import workshop.common.Overlap;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-2.5")
@DisplayName("2.5 one thread, a thousand waiting requests")
class DispatcherThousandTest {
    private static final int REQUESTS = 1_000;
    private static final long WAIT_MS = 4_000; // several times what sending 1,000 requests takes on a busy 2-core laptop

    @Test
    @DisplayName("2.5 one thread, a thousand waiting requests: 1,000 /slow/ requests overlap on the dispatcher thread alone")
    void aThousandRequestsOverlapOnOneThread() throws Exception {
        try (JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            AsyncEndpointsTest.assertOneSlowRequestWorks(server);
            int before = LiveThreads.count();
            List<TestClient.Reply> replies;
            try (RawClients clients = RawClients.send(server.uri(), "/slow/?ms=" + WAIT_MS, REQUESTS)) {
                Overlap.awaitInFlight(server.counter(), REQUESTS, Duration.ofMillis(WAIT_MS - 500));
                int during = LiveThreads.count();
                assertThat(during - before)
                        .as("live platform threads went from %d to %d while %d requests waited", before, during, REQUESTS)
                        .isLessThan(10);
                replies = clients.readAll();
            }
            assertThat(replies).as("every answer").allSatisfy(reply -> {
                assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
                assertThat(reply.body()).isEqualTo("{\"message\": \"done\"}");
            });
            Overlap.awaitFinished(server.counter(), REQUESTS + 1, Duration.ofSeconds(5)); // + the first, single request
            assertThat(server.counter().threadsUsed()).as("threads that started the %d requests", REQUESTS).isEqualTo(1);
        }
    }
}
