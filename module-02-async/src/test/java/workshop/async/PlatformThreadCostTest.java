package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.JdkHttpServer;
import workshop.common.Millis;
import workshop.common.Overlap;

/** The bill 2.1 avoids, on given code: a sleeping request on a platform thread holds an operating-system thread. */
@Tag("demo")
@Tag("step-2.1")
@DisplayName("2.1 for comparison: a platform thread per request")
class PlatformThreadCostTest {
    private static final int REQUESTS = 100;

    @Test
    @DisplayName("2.1 for comparison, platform thread per request: 100 sleeping requests add about 100 live platform threads")
    void everySleeperHoldsAnOsThread() throws Exception {
        JdkHttpServer server = BlockingServer.start(new InetSocketAddress("127.0.0.1", 0),
                BlockingServer.platformThreadPerRequest());
        int before = LiveThreads.count();
        int during;
        try (server; RawClients clients = RawClients.send(server.uri(), "/slow/?ms=" + Millis.MAX_MS, REQUESTS)) {
            Overlap.awaitInFlight(server.counter(), REQUESTS, Duration.ofSeconds(20));
            during = LiveThreads.count();
        }
        assertThat(during - before)
                .as("live platform threads went from %d to %d while %d requests slept on platform threads",
                        before, during, REQUESTS)
                .isGreaterThanOrEqualTo(REQUESTS * 9 / 10);
    }
}
