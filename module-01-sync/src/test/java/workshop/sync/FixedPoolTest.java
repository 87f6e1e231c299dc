package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.InFlightCounter;
import workshop.common.JdkHttpServer;
import workshop.common.Overlap;
import workshop.common.TestClient;
import workshop.common.Timeline;

@Tag("exercise")
@Tag("step-1.5")
class FixedPoolTest {
    private static final int POOL = 4;

    @Test
    @DisplayName("1.5 fixed pool of 4: the 5th request waits until one of the first 4 has finished")
    void theExtraRequestWaitsForAFreeThread() throws Exception {
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), ServerExecutors.fixedPool(POOL));
             TestClient client = new TestClient(server.uri())) {
            List<CompletableFuture<TestClient.Reply>> first = IntStream.range(0, POOL)
                    .mapToObj(i -> client.getAsync("/slow/?ms=1000")).toList();
            Overlap.awaitInFlight(server.counter(), POOL, Duration.ofSeconds(8)); // every pool thread is asleep now

            TestClient.Reply extra = client.get("/slow/?ms=0");

            assertThat(extra.status()).as("the 5th request answered: %s", extra).isEqualTo(200);
            first.forEach(reply -> assertThat(reply.join().status()).isEqualTo(200));
            List<InFlightCounter.Span> spans = server.counter().spans();
            double firstFreeThread = spans.stream().filter(s -> s.id() < POOL)
                    .mapToDouble(InFlightCounter.Span::endMs).min().orElseThrow();
            InFlightCounter.Span fifth = spans.stream().filter(s -> s.id() == POOL).findFirst().orElseThrow();
            assertThat(fifth.startMs())
                    .as("the 5th request must start after a pool thread is free:%n%s", Timeline.render(spans, 10))
                    .isGreaterThanOrEqualTo(firstFreeThread);
            Overlap.assertNeverMoreThan(server.counter(), POOL);
            assertThat(server.counter().threadsUsed()).as("threads used by a pool of %d", POOL).isLessThanOrEqualTo(POOL);
        }
    }
}
