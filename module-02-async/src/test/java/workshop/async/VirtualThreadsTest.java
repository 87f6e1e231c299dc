package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.InFlightCounter;
import workshop.common.JdkHttpServer;
import workshop.common.Millis;
import workshop.common.Overlap;

@Tag("exercise")
@Tag("step-2.1")
@DisplayName("2.1 a virtual thread per request")
class VirtualThreadsTest {
    private static final int REQUESTS = 1_000;

    @Test
    @DisplayName("2.1 virtual threads: 1,000 sleeping /slow/ requests are all in flight, yet live platform threads grow by fewer than 50")
    void aThousandSleepersCostFewPlatformThreads() throws Exception {
        JdkHttpServer server = BlockingServer.start(new InetSocketAddress("127.0.0.1", 0), VirtualThreads.perTask());
        int before = LiveThreads.count();
        int during;
        try (server; RawClients clients = RawClients.send(server.uri(), "/slow/?ms=" + Millis.MAX_MS, REQUESTS)) {
            Overlap.awaitInFlight(server.counter(), REQUESTS, Duration.ofSeconds(20), "VirtualThreads.perTask()"); // each sleeps until close() wakes it
            during = LiveThreads.count();
        }
        assertThat(during - before)
                .as("live platform threads went from %d to %d while %d requests slept: on virtual threads they would"
                        + " barely move; are perTask()'s threads platform threads? (README.md, step 2.1)",
                        before, during, REQUESTS)
                .isLessThan(50);
        assertThat(server.counter().threadsUsed())
                .as("distinct threads that ran the %d requests (a new virtual thread per request, not a pool)", REQUESTS)
                .isEqualTo(REQUESTS);
        List<String> unnamed = server.counter().spans().stream().map(InFlightCounter.Span::thread)
                .filter(String::isBlank).limit(1).toList();
        assertThat(unnamed).as("names of the threads that ran the requests: %d of %d had none; name them virtual-0,"
                + " virtual-1, ... so timelines can tell them apart (README.md, step 2.1)",
                server.counter().spans().stream().filter(span -> span.thread().isBlank()).count(), REQUESTS).isEmpty();
    }
}
