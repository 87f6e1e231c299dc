package workshop.loop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The given parser on its own (no loop needed): these pass before you write any code. */
@Tag("demo")
@Tag("step-3.6")
@DisplayName("3.6 before your loop runs: parsing needs none (the request parser)")
class RequestParserTest {
    private final ServerOptions options = ServerOptions.defaults().with(o -> o.maxBodyBytes = 100);

    private static ReadBuffer buffer(String text) {
        return ReadBuffer.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    @DisplayName("3.6 the parser reads method, path, query and headers, and leaves the body in the buffer")
    void parsesAHead() {
        ReadBuffer in = buffer("POST /echo/?a=1&b=two HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nX-Name:  spaced \r\n\r\nhello");

        RequestHead head = new RequestParser(options).parse(in);

        assertThat(head).isNotNull();
        Request request = head.request();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/echo/");
        assertThat(request.query()).containsEntry("a", "1").containsEntry("b", "two");
        assertThat(request.header("x-name")).isEqualTo("spaced");
        assertThat(request.keepAlive()).isTrue();
        assertThat(head.contentLength()).isEqualTo(5);
        assertThat(in.text(0, in.size())).as("what the parser left in the buffer").isEqualTo("hello");
        BodyReader body = head.bodyReader(options);
        assertThat(body.readFrom(in)).isTrue();
        assertThat(new String(body.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(in.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("3.6 fed one byte at a time, the parser waits, then returns the head exactly once")
    void parsesIncrementally() {
        byte[] bytes = "GET /sync/ HTTP/1.1\r\nHost: t\r\n\r\nGET /next/ HTTP/1.1\r\nHost: t\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        int firstLength = bytes.length / 2;
        RequestParser parser = new RequestParser(options);
        for (int end = 1; end < firstLength; end++) {
            ReadBuffer partial = ReadBuffer.of(Arrays.copyOf(bytes, end));
            assertThat(parser.parse(partial)).as("after %d bytes", end).isNull();
            assertThat(partial.size()).as("an incomplete head stays in the buffer").isEqualTo(end);
        }
        ReadBuffer in = ReadBuffer.of(bytes);
        assertThat(parser.parse(in).request().path()).isEqualTo("/sync/");
        assertThat(parser.parse(in).request().path()).as("a pipelined request right behind the first").isEqualTo("/next/");
        assertThat(in.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("3.6 HTTP/1.0 closes by default and keeps the connection only when asked")
    void keepAliveRules() {
        assertThat(parse("GET / HTTP/1.0\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keepAlive()).isTrue();
        assertThat(parse("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("GET http://example.org/sync/?x=1 HTTP/1.1\r\nHost: t\r\n\r\n").path()).isEqualTo("/sync/");
    }

    @Test
    @DisplayName("3.6 Host values that can name a host are accepted (RFC 9112 §3.2, RFC 3986 §3.2.2)")
    void validHosts() {
        for (String host : new String[] {"localhost", "localhost:8080", "127.0.0.1:80", "[::1]:8080", "[::1]",
                "my-host.example.org", "xn--bcher-kva.example", "a%41b", ""}) {
            assertThat(parse("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").header("Host")).as("Host: %s", host)
                    .isEqualTo(host);
        }
    }

    @Test
    @DisplayName("3.6 chunked bodies and Expect: 100-continue are read from the head (RFC 9112 §7.1, RFC 9110 §10.1.1)")
    void bodyFraming() {
        RequestHead chunked = head("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nExpect: 100-Continue\r\n\r\n");
        assertThat(chunked.chunked()).isTrue();
        assertThat(chunked.expectsContinue()).isTrue();
        RequestHead http10 = head("POST / HTTP/1.0\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
        assertThat(http10.expectsContinue()).as("an HTTP/1.0 client cannot wait for 100 Continue").isFalse();
    }

    @Test
    @DisplayName("3.6 the parser refuses bad input with the RFC's status")
    void refusesBadInput() {
        assertStatus("GET / HTTP/1.1\r\n\r\n", 400);                               // no Host
        assertStatus("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400);                  // no host has a space
        assertStatus("GET / HTTP/1.1\r\nHost: t:8o\r\n\r\n", 400);                 // nor a port with a letter
        assertStatus("GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", 400);
        assertStatus("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400);
        assertStatus("GET / HTTP/3.0\r\nHost: t\r\n\r\n", 505);
        assertStatus("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 101\r\n\r\n", 413);
        assertStatus("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999\r\n\r\n", 413);
        assertStatus("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501);
        assertStatus("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400);
        assertStatus("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
        assertStatus("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
        assertStatus("GET /" + "a".repeat(9000), 414);                              // no need to wait for the line end
        assertStatus("GET / HTTP/1.1\r\nHost: t\r\nX: " + "b".repeat(20_000), 431); // nor for the header end
    }

    private RequestHead head(String text) {
        return new RequestParser(options).parse(buffer(text));
    }

    private Request parse(String text) {
        return head(text).request();
    }

    private void assertStatus(String text, int status) {
        assertThatThrownBy(() -> head(text)).as("parsing %s", text.length() > 60 ? text.substring(0, 60) : text)
                .isInstanceOfSatisfying(HttpError.class, error -> assertThat(error.status()).isEqualTo(status));
    }
}
