package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.EarlierTodo;
import workshop.common.JdkHttpServer;
import workshop.common.Overlap;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-1.6")
@DisplayName("1.6 no executor")
class DispatcherOnlyTest {
    private static final int REQUESTS = 5;

    @Test
    @DisplayName("1.6 no executor: 5 requests sent at once run one after another on the dispatcher thread")
    void theBurstSerializes() throws Exception {
        EarlierTodo.mustBeGreen("1.6", "sends GET /slow/ requests, which run your slow() (1.3) and parseMillis() (1.2)",
                () -> SyncEndpoints.slow(Map.of("ms", "0")));
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
             TestClient client = new TestClient(server.uri())) {
            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> client.getAsync("/slow/?ms=100")).toList();

            Overlap.awaitFinished(server.counter(), REQUESTS, Duration.ofSeconds(15));
            replies.forEach(reply -> assertThat(reply.join().status()).as("answer: %s", reply.join()).isEqualTo(200));
            Overlap.assertNeverMoreThan(server.counter(), 1);
            assertThat(server.counter().threadsUsed()).as("threads that ran the requests").isEqualTo(1);
        }
    }
}
