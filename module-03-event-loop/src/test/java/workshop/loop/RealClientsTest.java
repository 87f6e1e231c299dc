package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;

/**
 * What curl, browsers and HTTP libraries send beyond a plain GET, over raw sockets: HEAD, chunked
 * bodies, Expect: 100-continue, Host values of every form. After each one, the same connection
 * serves the next request.
 */
@Tag("exercise")
@Tag("step-3.6")
@DisplayName("3.6 real clients: HEAD, chunked uploads, 100-continue, Host")
class RealClientsTest {

    @BeforeEach
    void serverRunsOnYourLoop() {
        EarlierSteps.serverMustRun("3.6");
    }

    @Test
    @DisplayName("3.6 HEAD gets the header fields of GET and no body, on every GET route (RFC 9110 §9.3.2)")
    void headIsGetWithoutTheBody() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(ServerOptions.defaults());
             RawClient client = RawClient.connect(server.port())) {
            RawClient.Reply get = client.send(RawClient.get("/sync/")).readReply();
            RawClient.Reply head = client.send("HEAD /sync/ HTTP/1.1\r\nHost: t\r\n\r\n").readReplyToHead();

            assertThat(head.status()).as("answer to HEAD: %s", head).isEqualTo(200);
            assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
            assertThat(head.header("Content-Length")).as("the length GET's body has").isEqualTo(get.header("Content-Length"));
            RawClient.Reply next = client.send(RawClient.get("/async/")).readReply();
            assertThat(next.body()).as("the next answer on the connection (a body after HEAD's head would garble it): %s", next)
                    .isEqualTo("{\"message\": \"async\"}");
        }
    }

    @Test
    @DisplayName("3.6 a chunked body, with a chunk extension and a trailer field, sent a byte at a time, is read whole (RFC 9112 §7.1)")
    void chunkedBodyIsReadWhole() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(ServerOptions.defaults());
             RawClient client = RawClient.connect(server.port())) {
            String request = "POST /echo/ HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;note=first\r\nhello\r\n" + "1A\r\n" + "abcdefghijklmnopqrstuvwxyz\r\n" + "0\r\nX-Checksum: 42\r\n\r\n";
            for (byte b : request.getBytes(StandardCharsets.US_ASCII)) {
                client.send(new byte[] {b});
            }
            RawClient.Reply reply = client.readReply();
            assertThat(reply.body()).as("answer: %s", reply).isEqualTo("{\"bytes\": 31}");

            RawClient.Reply next = client.send(RawClient.get("/sync/")).readReply();
            assertThat(next.status()).as("the next request on the same connection: %s", next).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("3.6 Expect: 100-continue is answered with 100 Continue before the client sends the body (RFC 9110 §10.1.1)")
    void expectContinueIsAnsweredAtOnce() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(ServerOptions.defaults());
             RawClient client = RawClient.connect(server.port())) {
            client.send("POST /echo/ HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            client.readTimeout(3_000); // "at once": curl gives up waiting after 1 s
            RawClient.Reply interim;
            try {
                interim = client.readReply(); // the body is held back: only the server can speak now
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer within 3 s to a head with Expect: 100-continue; the client waits"
                        + " for 100 Continue (or a final status) before it sends the body", e);
            }
            assertThat(interim.status()).as("the interim answer: %s", interim).isEqualTo(100);

            RawClient.Reply reply = client.send("hello").readReply();
            assertThat(reply.body()).as("the final answer: %s", reply).isEqualTo("{\"bytes\": 5}");
            assertThat(client.send(RawClient.get("/sync/")).readReply().status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("3.6 Host values of every valid form are served: name, IPv4, [IPv6], with a port, empty (RFC 9112 §3.2)")
    void validHostsAreServed() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(ServerOptions.defaults());
             RawClient client = RawClient.connect(server.port())) {
            for (String host : new String[] {"localhost", "127.0.0.1:8080", "[::1]:8080", "xn--bcher-kva.example", ""}) {
                RawClient.Reply reply = client.send("GET /sync/ HTTP/1.1\r\nHost: " + host + "\r\n\r\n").readReply();
                assertThat(reply.status()).as("Host: %s answered %s", host, reply).isEqualTo(200);
            }
        }
    }
}
