package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.Overlap;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;

@Tag("exercise")
@Tag("step-3.7")
@DisplayName("3.7 close() with requests in flight")
class CloseTest {

    @BeforeEach
    void serverRunsOnYourLoop() {
        EarlierSteps.serverMustRun("3.7");
    }

    @Test
    @DisplayName("3.7 close() with requests in flight leaves no thread, socket or file descriptor behind")
    void closeLeavesNothing() throws Exception {
        try (LoopHttpServer warmUp = TestRoutes.start(ServerOptions.defaults());
             RawClient client = RawClient.connect(warmUp.port())) {
            assertThat(client.send(RawClient.get("/slow/?ms=1")).readReply().status()).isEqualTo(200);
        }
        long fdsBefore = Resources.canCountFds() ? Resources.openFds() : 0;
        long loopThreadsBefore = Resources.liveThreads("event-loop-");

        LoopHttpServer server = TestRoutes.start(ServerOptions.defaults());
        RawClient[] clients = new RawClient[20];
        try {
            for (int i = 0; i < clients.length; i++) {
                clients[i] = RawClient.connect(server.port()).send(RawClient.get("/slow/?ms=5000"));
            }
            // each request waits 5 s: all 20 must be in flight well before the first is answered
            Overlap.awaitInFlight(server.counter(), clients.length, Duration.ofMillis(4_500));
        } catch (Throwable t) {
            for (RawClient client : clients) {
                if (client != null) {
                    client.close();
                }
            }
            server.close(); // the test failed before its close(): leave nothing behind for the next tests
            throw t;
        }
        String loopThread = server.loop().threadName();

        server.close();

        assertThat(server.loop().isRunning()).as(loopThread + " after close()").isFalse();
        assertThat(Resources.liveThreads("event-loop-")).as("event-loop threads alive").isEqualTo(loopThreadsBefore);
        for (RawClient client : clients) {
            assertThat(client.closedByServer()).as("a client whose request was in flight at close()").isTrue();
            client.close();
        }
        Resources.awaitFdsBackTo(fdsBefore, "after close()");
        System.out.println("3.7 close() with 20 requests in flight: " + loopThread + " stopped, event-loop threads back to "
                + Resources.liveThreads("event-loop-") + ", all 20 clients closed by the server"
                + (Resources.canCountFds() ? ", file descriptors back to " + Resources.openFds() : ""));
    }
}
