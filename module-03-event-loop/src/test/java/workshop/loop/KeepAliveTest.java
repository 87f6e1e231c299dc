package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;

/** Connection handling over raw sockets: keep-alive, pipelining, bodies, answers from other threads. */
@Tag("exercise")
@Tag("step-3.6")
@DisplayName("3.6 keep-alive, pipelining, and bodies and answers in pieces")
class KeepAliveTest {

    @BeforeEach
    void serverRunsOnYourLoop() {
        EarlierSteps.serverMustRun("3.6");
    }

    @Test
    @DisplayName("3.6 HTTP/1.1 keeps the connection open: three requests, one connection")
    void http11KeepsTheConnection() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(ServerOptions.defaults());
             RawClient client = RawClient.connect(server.port())) {
            for (int i = 0; i < 3; i++) {
                RawClient.Reply reply = client.send(RawClient.get("/sync/")).readReply();
                assertThat(reply.status()).as("answer %d: %s", i, reply).isEqualTo(200);
                assertThat(reply.header("Connection")).as("answer %d: %s", i, reply).isNull();
            }
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("3.6 HTTP/1.0 closes after the answer unless the client asks for keep-alive")
    void http10ClosesUnlessAsked() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(ServerOptions.defaults())) {
            try (RawClient client = RawClient.connect(server.port())) {
                RawClient.Reply reply = client.send("GET /sync/ HTTP/1.0\r\n\r\n").readReply();
                assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
                assertThat(reply.header("Connection")).isEqualTo("close");
                assertThat(client.closedByServer()).as("HTTP/1.0 without keep-alive: closed after the answer").isTrue();
            }
            try (RawClient client = RawClient.connect(server.port())) {
                String request = "GET /sync/ HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
                RawClient.Reply first = client.send(request).readReply();
                assertThat(first.header("Connection")).as("answer: %s", first).isEqualTo("keep-alive");
                RawClient.Reply second = client.send(request).readReply();
                assertThat(second.status()).as("second answer on the same connection: %s", second).isEqualTo(200);
            }
        }
    }

    @Test
    @DisplayName("3.6 Connection: close is answered, then the server closes")
    void connectionCloseIsHonoured() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(ServerOptions.defaults());
             RawClient client = RawClient.connect(server.port())) {
            RawClient.Reply reply = client.send("GET /sync/ HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").readReply();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    @DisplayName("3.6 pipelined requests are answered one at a time, in the order they were sent (RFC 9112 §9.3.2)")
    void pipeliningKeepsOrder() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(ServerOptions.defaults());
             RawClient client = RawClient.connect(server.port())) {
            client.send(RawClient.get("/slow/?ms=200") + RawClient.get("/sync/") + RawClient.get("/async/")
                    + RawClient.get("/nowhere/") + RawClient.get("/slow/?ms=0"));

            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                bodies.add(client.readReply().body());
            }
            assertThat(bodies).containsExactly("{\"message\": \"done\"}", "{\"message\": \"sync\"}",
                    "{\"message\": \"async\"}", "{\"error\": \"no route for /nowhere/\"}", "{\"message\": \"done\"}");
            assertThat(server.counter().maxInFlight())
                    .as("one request of a connection at a time: the next waits in the read buffer").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("3.6 a Content-Length body is read whole, even when it arrives in pieces")
    void bodiesArriveInPieces() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(ServerOptions.defaults());
             RawClient client = RawClient.connect(server.port())) {
            byte[] body = new byte[100_000];
            client.send("POST /echo/ HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length + "\r\n\r\n");
            client.send(Arrays.copyOfRange(body, 0, 30_000));
            Thread.sleep(50); // let the server see a partial body
            client.send(Arrays.copyOfRange(body, 30_000, body.length));

            RawClient.Reply reply = client.readReply();
            assertThat(reply.body()).as("answer: %s", reply).isEqualTo("{\"bytes\": 100000}");
            assertThat(client.send(RawClient.get("/sync/")).readReply().status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("3.6 a big answer leaves in partial writes and arrives whole")
    void bigAnswersArriveWhole() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(ServerOptions.defaults());
             RawClient client = RawClient.connect(server.port())) {
            client.send(RawClient.get("/big/"));
            Thread.sleep(100); // not reading yet: the socket buffers fill and the server must wait for OP_WRITE
            RawClient.Reply reply = client.readReply();
            assertThat(reply.body()).hasSize(TestRoutes.BIG_BYTES);
            assertThat(client.send(RawClient.get("/sync/")).readReply().status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("3.6 a handler that completes on another thread has its answer written by the loop thread")
    void answersFromOtherThreadsAreWrittenOnTheLoop() throws Exception {
        List<String> trace = new CopyOnWriteArrayList<>();
        EventLoop loop = new EventLoop();
        loop.traceTo(trace::add);
        try (ExecutorService pool = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("elsewhere").factory());
             LoopHttpServer server = LoopHttpServer.start(loop, ServerOptions.defaults(), TestRoutes.routes(loop, pool));
             RawClient client = RawClient.connect(server.port())) {
            RawClient.Reply reply = client.send(RawClient.get("/elsewhere/")).readReply();

            assertThat(reply.body()).isEqualTo("{\"completedOn\": \"elsewhere\"}");
            assertThat(trace).filteredOn(line -> line.contains("answer 200"))
                    .singleElement().asString().contains("[" + loop.threadName() + "]");
        }
    }
}
