package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.ClosedServer;
import workshop.common.JdkHttpServer;
import workshop.common.Millis;
import workshop.common.Overlap;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-2.5")
@DisplayName("2.5 close() while requests wait")
class AsyncCloseTest {
    private static final int REQUESTS = 50;

    @Test
    @DisplayName("2.5 close() with 50 async requests still waiting frees the port, leaves no server thread, and hangs no client")
    void closeWhileRequestsWait() throws Exception {
        Set<Thread> before = ClosedServer.threadsNow();
        JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0));
        int port = server.port();
        AsyncEndpointsTest.assertOneSlowRequestWorks(server);
        try (RawClients clients = RawClients.send(server.uri(), "/slow/?ms=" + Millis.MAX_MS, REQUESTS)) {
            Overlap.awaitInFlight(server.counter(), REQUESTS, Duration.ofSeconds(10), "the async server");

            long start = System.nanoTime();
            server.close();
            List<TestClient.Reply> replies = clients.readAll();
            double tookMs = (System.nanoTime() - start) / 1e6;

            assertThat(replies).as("what the waiting clients got when the server closed")
                    .allSatisfy(reply -> assertThat(reply.status()).as("answer: %s", reply).isNotEqualTo(200));
            assertThat(tookMs).as("ms until every waiting client heard that the server is gone").isLessThan(10_000);
        }
        ClosedServer.assertLeftNothing(port, before);
    }
}
