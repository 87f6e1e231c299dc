package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;

/**
 * Clients that misbehave: they vanish, half-close, idle, trickle, or come in too many. After
 * each, the server has closed what it should, answers the next request, and leaks no descriptor.
 */
@Tag("exercise")
@Tag("step-3.7")
@DisplayName("3.7 clients that vanish, half-close, idle, trickle or crowd in")
class FaultsTest {

    @BeforeEach
    void serverRunsOnYourLoop() {
        EarlierSteps.serverMustRun("3.7");
    }

    /** Opens a server, warms it up (classes loaded), runs the fault, then checks the aftermath. */
    private static void afterFault(ServerOptions options, Fault fault) throws Exception {
        try (LoopHttpServer server = TestRoutes.start(options)) {
            answersNextRequest(server);
            Waits.until("no connection left open after the first request", Duration.ofSeconds(5),
                    () -> server.openConnections() == 0, () -> server.openConnections() + " still are");
            long fdsBefore = Resources.canCountFds() ? Resources.openFds() : 0;

            fault.run(server);

            Waits.until("no connection left open after the fault", Duration.ofSeconds(5),
                    () -> server.openConnections() == 0, () -> server.openConnections() + " still are");
            Resources.awaitFdsBackTo(fdsBefore, "after the fault");
            answersNextRequest(server);
            Waits.until("no request in flight after the next request", Duration.ofSeconds(5),
                    () -> server.counter().inFlight() == 0, () -> server.counter().inFlight() + " still are");
        }
    }

    private interface Fault {
        void run(LoopHttpServer server) throws Exception;
    }

    private static void answersNextRequest(LoopHttpServer server) throws Exception {
        try (RawClient client = RawClient.connect(server.port())) {
            RawClient.Reply reply = client.send(RawClient.get("/sync/")).readReply();
            assertThat(reply.status()).as("the next request: %s", reply).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("3.7 a client that vanishes in the middle of its request")
    void vanishMidRequest() throws Exception {
        afterFault(ServerOptions.defaults(), server -> {
            RawClient client = RawClient.connect(server.port());
            client.send("GET /slow/?ms=10 HTTP/1.1\r\nHo");
            Waits.until("the server to hold the client's connection", Duration.ofSeconds(5),
                    () -> server.openConnections() == 1, () -> server.openConnections() + " connections are open");
            client.vanish();
        });
    }

    @Test
    @DisplayName("3.7 a client that vanishes while its handler waits")
    void vanishWhileHandlerWaits() throws Exception {
        afterFault(ServerOptions.defaults(), server -> {
            RawClient client = RawClient.connect(server.port());
            client.send(RawClient.get("/slow/?ms=5000")); // a wide window: we vanish while it waits
            Waits.until("the request for /slow/?ms=5000 in flight", Duration.ofSeconds(5),
                    () -> server.counter().inFlight() == 1, () -> server.counter().inFlight() + " requests are");
            client.vanish();
        });
    }

    @Test
    @DisplayName("3.7 a client that vanishes in the middle of a big answer")
    void vanishMidResponse() throws Exception {
        afterFault(ServerOptions.defaults(), server -> {
            RawClient client = RawClient.connect(server.port());
            client.send(RawClient.get("/big/"));
            assertThat(client.input().readNBytes(1000)).hasSize(1000);
            client.vanish();
        });
    }

    @Test
    @DisplayName("3.7 a half-closed client still gets its answer, then the server closes")
    void halfClose() throws Exception {
        afterFault(ServerOptions.defaults(), server -> {
            try (RawClient client = RawClient.connect(server.port())) {
                client.send(RawClient.get("/slow/?ms=50"));
                client.halfClose();
                RawClient.Reply reply = client.readReply();
                assertThat(reply.status()).as("answer after our half-close: %s", reply).isEqualTo(200);
                assertThat(client.closedByServer()).isTrue();
            }
        });
    }

    @Test
    @DisplayName("3.7 an idle keep-alive connection is closed after the idle timeout")
    void idleTimeout() throws Exception {
        afterFault(ServerOptions.defaults().with(o -> o.idleTimeout = Duration.ofMillis(300)), server -> {
            try (RawClient client = RawClient.connect(server.port())) {
                assertThat(client.send(RawClient.get("/sync/")).readReply().status()).isEqualTo(200);
                assertThat(client.closedByServer()).as("closed by the server after 300 ms idle (we wait up to 10 s)")
                        .isTrue();
            }
        });
    }

    @Test
    @DisplayName("3.7 a request that trickles in a byte at a time gets 408 when the request timeout is over")
    void trickleTimeout() throws Exception {
        afterFault(ServerOptions.defaults().with(o -> o.requestTimeout = Duration.ofMillis(400)), server -> {
            AtomicBoolean stop = new AtomicBoolean();
            try (RawClient client = RawClient.connect(server.port())) {
                Thread trickler = Thread.ofVirtual().start(() -> {
                    try {
                        // one byte every 50 ms: never idle, but far too slow; the header never ends
                        for (int i = 0; !stop.get() && i < 200; i++) {
                            client.send(i == 0 ? "G" : "X");
                            Thread.sleep(50);
                        }
                    } catch (Exception ignored) {
                        // the server closed on us: that is the point
                    }
                });
                long start = System.nanoTime();
                RawClient.Reply reply = client.readReply();
                long waited = (System.nanoTime() - start) / 1_000_000;
                stop.set(true);
                trickler.join(5_000);
                assertThat(reply.status()).as("answer to a trickling client: %s", reply).isEqualTo(408);
                System.out.println("3.7 a byte every 50 ms, request timeout 400 ms: " + reply.status() + " after "
                        + waited + " ms, though the client was never idle");
            }
        });
    }

    @Test
    @DisplayName("3.7 one connection over the cap is answered 503 and closed; the next one after a slot frees is served")
    void connectionCap() throws Exception {
        afterFault(ServerOptions.defaults().with(o -> o.maxConnections = 2), server -> {
            try (RawClient first = RawClient.connect(server.port());
                 RawClient second = RawClient.connect(server.port())) {
                Waits.until("the server to hold both connections under the cap of 2", Duration.ofSeconds(5),
                        () -> server.openConnections() == 2, () -> server.openConnections() + " are open");
                try (RawClient third = RawClient.connect(server.port())) {
                    RawClient.Reply reply = third.readReply();
                    assertThat(reply.status()).as("answer over the cap: %s", reply).isEqualTo(503);
                    assertThat(third.closedByServer()).isTrue();
                }
                first.close();
                Waits.until("one connection left once the first client closed", Duration.ofSeconds(5),
                        () -> server.openConnections() == 1, () -> server.openConnections() + " are open");
                try (RawClient fourth = RawClient.connect(server.port())) {
                    assertThat(fourth.send(RawClient.get("/sync/")).readReply().status()).isEqualTo(200);
                }
                assertThat(second.send(RawClient.get("/sync/")).readReply().status()).isEqualTo(200);
            }
        });
    }
}
