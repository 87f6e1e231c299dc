package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workshop.loop.http.LoopHttpServer;
import workshop.loop.http.ServerOptions;

/**
 * Bad input over raw sockets gets the status RFC 9112 calls for, a JSON error, and (where the
 * framing is broken) a closed connection. After each one, the server answers the next request.
 */
@Tag("exercise")
@Tag("step-3.7")
@DisplayName("3.7 bad input: refused with the RFC's status, then the next request is served")
class BadInputTest {

    private static final ServerOptions SMALL_LIMITS = ServerOptions.defaults().with(o -> {
        o.maxRequestLine = 1024;
        o.maxHeaderBytes = 4096;
        o.maxBodyBytes = 10_000;
    });

    static Stream<Arguments> badRequests() {
        String host = "Host: t\r\n";
        String chunked = "POST /echo/ HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n";
        return Stream.of(
                Arguments.of("a request line that is not METHOD TARGET VERSION", "HELLO\r\n\r\n", 400),
                Arguments.of("two spaces in the request line", "GET  /sync/ HTTP/1.1\r\n" + host + "\r\n", 400),
                Arguments.of("a target that is not a path", "GET sync HTTP/1.1\r\n" + host + "\r\n", 400),
                Arguments.of("a header field without a colon", "GET /sync/ HTTP/1.1\r\n" + host + "NoColon\r\n\r\n", 400),
                Arguments.of("whitespace before the colon", "GET /sync/ HTTP/1.1\r\nHost : t\r\n\r\n", 400),
                Arguments.of("obsolete line folding", "GET /sync/ HTTP/1.1\r\n" + host + "X: a\r\n b\r\n\r\n", 400),
                Arguments.of("a control character in a value", "GET /sync/ HTTP/1.1\r\n" + host + "X: a\u0001b\r\n\r\n", 400),
                Arguments.of("lines ended by LF alone", "GET /sync/ HTTP/1.1\n" + host + "\n", 400),
                Arguments.of("HTTP/1.1 without Host", "GET /sync/ HTTP/1.1\r\n\r\n", 400),
                Arguments.of("two Host fields", "GET /sync/ HTTP/1.1\r\n" + host + "Host: u\r\n\r\n", 400),
                Arguments.of("a Content-Length that is not a number",
                        "POST /echo/ HTTP/1.1\r\n" + host + "Content-Length: 12a\r\n\r\n", 400),
                Arguments.of("a negative Content-Length", "POST /echo/ HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n", 400),
                Arguments.of("conflicting Content-Length fields",
                        "POST /echo/ HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
                Arguments.of("Content-Length with Transfer-Encoding",
                        "POST /echo/ HTTP/1.1\r\n" + host + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc", 400),
                Arguments.of("a transfer coding we do not implement (RFC 9112 §6.1)",
                        "POST /echo/ HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked\r\n\r\n", 501),
                Arguments.of("HTTP/2.0 in an HTTP/1 request line", "GET /sync/ HTTP/2.0\r\n" + host + "\r\n", 505),
                Arguments.of("a malformed version", "GET /sync/ HTTP/one\r\n" + host + "\r\n", 400),
                Arguments.of("a request target over the limit", "GET /" + "a".repeat(2000) + " HTTP/1.1\r\n" + host + "\r\n", 414),
                Arguments.of("a header section over the limit",
                        "GET /sync/ HTTP/1.1\r\n" + host + ("X-Filler: " + "b".repeat(500) + "\r\n").repeat(10) + "\r\n", 431),
                Arguments.of("a body over the limit", "POST /echo/ HTTP/1.1\r\n" + host + "Content-Length: 10001\r\n\r\n", 413),
                Arguments.of("an invalid Host value (RFC 9112 §3.2)", "GET /sync/ HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
                Arguments.of("a Host with a path in it (RFC 9112 §3.2)", "GET /sync/ HTTP/1.1\r\nHost: t/sync\r\n\r\n", 400),
                Arguments.of("a chunk size that is not hex (RFC 9112 §7.1)", chunked + "zz\r\nab\r\n0\r\n\r\n", 400),
                Arguments.of("chunk data longer than its size (RFC 9112 §7.1)", chunked + "3\r\nabcd\r\n0\r\n\r\n", 400),
                Arguments.of("a chunk over the body limit (RFC 9112 §7.1)", chunked + "2711\r\n", 413),
                Arguments.of("chunks that add up to more than the body limit (RFC 9112 §7.1)",
                        chunked + "1388\r\n" + "c".repeat(5000) + "\r\n1389\r\n", 413),
                Arguments.of("a chunk size too long for any number (RFC 9112 §7.1)", chunked + "1".repeat(40) + "\r\n", 413),
                Arguments.of("chunked in an HTTP/1.0 request (RFC 9112 §6.1)",
                        "POST /echo/ HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("chunked not the last transfer coding (RFC 9112 §6.3)",
                        "POST /echo/ HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked, gzip\r\n\r\n", 400));
    }

    @BeforeEach
    void serverRunsOnYourLoop() {
        EarlierSteps.serverMustRun("3.7");
    }

    @DisplayName("3.7 bad input is refused with the RFC's status")
    @ParameterizedTest(name = "3.7 {0}: {2}, then the connection is closed")
    @MethodSource("badRequests")
    void badInputIsRefused(String what, String request, int status) throws Exception {
        try (LoopHttpServer server = TestRoutes.start(SMALL_LIMITS)) {
            refusedThenNextIsServed(server, what, request, status);
        }
    }

    private static void refusedThenNextIsServed(LoopHttpServer server, String what, String request, int status)
            throws Exception {
        try (RawClient client = RawClient.connect(server.port())) {
            RawClient.Reply reply = client.send(request).readReply();

            assertThat(reply.status()).as("%s; the server answered:%n%s", what, reply).isEqualTo(status);
            assertThat(reply.header("Content-Type")).isEqualTo("application/json");
            assertThat(reply.body()).startsWith("{\"error\": ");
            assertThat(reply.header("Connection")).as("a refused request closes the connection").isEqualTo("close");
            assertThat(client.closedByServer()).as("the server should close after refusing: %s", what).isTrue();
        }
        try (RawClient next = RawClient.connect(server.port())) {
            RawClient.Reply reply = next.send(RawClient.get("/sync/")).readReply();
            assertThat(reply.status()).as("the next request after %s: %s", what, reply).isEqualTo(200);
        }
        Waits.until("no connection left open after " + what + " and the next request", Duration.ofSeconds(5),
                () -> server.openConnections() == 0, () -> server.openConnections() + " still are");
    }

    @Test
    @DisplayName("3.7 a handler that throws or fails is a 500, and the connection stays open")
    void handlerFailuresAre500() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(SMALL_LIMITS);
             RawClient client = RawClient.connect(server.port())) {
            for (String path : new String[] {"/throws/", "/fails/"}) {
                RawClient.Reply reply = client.send(RawClient.get(path)).readReply();
                assertThat(reply.status()).as("GET %s answered %s", path, reply).isEqualTo(500);
                assertThat(reply.body()).startsWith("{\"error\": ");
            }
            RawClient.Reply notFound = client.send(RawClient.get("/nowhere/")).readReply();
            assertThat(notFound.status()).isEqualTo(404);
            RawClient.Reply wrongMethod = client.send("DELETE /sync/ HTTP/1.1\r\nHost: t\r\n\r\n").readReply();
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.header("Allow")).as("HEAD comes with every GET").isEqualTo("GET, HEAD");
            RawClient.Reply fine = client.send(RawClient.get("/sync/")).readReply();
            assertThat(fine.status()).as("same connection after the errors: %s", fine).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("3.7 empty lines before a request line are skipped, and a request split byte by byte is served")
    void toleratedInput() throws Exception {
        try (LoopHttpServer server = TestRoutes.start(SMALL_LIMITS);
             RawClient client = RawClient.connect(server.port())) {
            client.send("\r\n\r\n");
            for (byte b : RawClient.get("/sync/").getBytes(StandardCharsets.US_ASCII)) {
                client.send(new byte[] {b});
            }
            RawClient.Reply reply = client.readReply();
            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
        }
    }
}
