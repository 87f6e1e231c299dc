package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.Overlap;
import workshop.common.Timeline;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;

@Tag("exercise")
@Tag("step-3.6")
@DisplayName("3.6 the headline: 1,000 requests in flight on one thread")
class ThousandAtOnceTest {

    private static final int REQUESTS = 1_000;

    @BeforeEach
    void serverRunsOnYourLoop() {
        EarlierSteps.serverMustRun("3.6");
    }

    @Test
    @DisplayName("3.6 one loop thread holds 1,000 /slow/ requests in flight at once, and answers them all")
    void aThousandRequestsOnOneThread() throws Exception {
        List<RawClient> clients = new ArrayList<>(REQUESTS);
        long start = System.nanoTime();
        try (LoopHttpServer server = LoopServer.start(ServerOptions.defaults())) {
            try {
                for (int i = 0; i < REQUESTS; i++) {
                    clients.add(RawClient.connect(server.port()).send(RawClient.get("/slow/?ms=5000")));
                }
                // Structural: all 1,000 handlers are waiting on timers at the same time (each waits 5 s,
                // while sending them all takes a fraction of that even on a busy laptop).
                Overlap.awaitInFlight(server.counter(), REQUESTS, Duration.ofMillis(4_500));

                for (RawClient client : clients) {
                    RawClient.Reply reply = client.readReply();
                    assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
                    assertThat(reply.body()).isEqualTo("{\"message\": \"done\"}");
                }
            } finally {
                for (RawClient client : clients) {
                    client.close();
                }
            }
            Overlap.awaitFinished(server.counter(), REQUESTS, Duration.ofSeconds(10));
            assertThat(server.counter().maxInFlight()).isEqualTo(REQUESTS);
            assertThat(server.counter().threadsUsed()).as("threads that ran handlers").isEqualTo(1);
            assertThat(server.counter().spans()).allSatisfy(span ->
                    assertThat(span.thread()).isEqualTo(server.loop().threadName()));
            System.out.printf("3.6 1000 requests of /slow/?ms=5000: %d in flight at once, handlers run by %d thread, "
                    + "all answered 200 in %.1f s:%n%s", server.counter().maxInFlight(), server.counter().threadsUsed(),
                    (System.nanoTime() - start) / 1e9, Timeline.render(server.counter().spans(), 5));
        }
    }
}
