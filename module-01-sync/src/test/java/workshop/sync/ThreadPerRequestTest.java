package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.JdkHttpServer;
import workshop.common.Overlap;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-1.4")
@DisplayName("1.4 a thread per request")
class ThreadPerRequestTest {
    private static final int REQUESTS = 20;

    @Test
    @DisplayName("1.4 thread per request: 20 sleeping /slow/ requests are all in flight at once, on 20 threads")
    void everyRequestGetsItsOwnThread() throws Exception {
        EarlierSteps.mustBeGreen("1.4", "sends GET /slow/ requests, which run your slow() (1.3) and parseMillis() (1.2)",
                () -> SyncEndpoints.slow(Map.of("ms", "0")));
        JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), ServerExecutors.threadPerRequest());
        try (server; TestClient client = new TestClient(server.uri())) {
            for (int i = 0; i < REQUESTS; i++) {
                client.getAsync("/slow/?ms=" + SyncEndpoints.MAX_MS); // each one sleeps until close() wakes it
            }

            Overlap.awaitInFlight(server.counter(), REQUESTS, Duration.ofSeconds(8));
        }
        assertThat(server.counter().threadsUsed()).as("threads that ran the %d requests", REQUESTS).isEqualTo(REQUESTS);
    }

    @Test
    @DisplayName("1.4 thread per request never reuses a thread, and its threads are platform threads")
    void aNewPlatformThreadEveryTime() throws Exception {
        ExecutorService executor = ServerExecutors.threadPerRequest();
        Set<Long> threadIds = new HashSet<>();
        try {
            for (int task = 0; task < 25; task++) { // one after another: a pool would hand out the same thread again
                Thread thread = executor.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
                assertThat(thread.isVirtual()).as("1.4 asks for platform threads; %s is virtual", thread).isFalse();
                threadIds.add(thread.threadId());
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(threadIds).as("distinct threads that ran 25 tasks submitted one after another (a pool reuses its threads)")
                .hasSize(25);
    }
}
