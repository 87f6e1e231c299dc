package workshop.loop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The given parser on its own (no loop needed): these pass before you write any code. */
@Tag("demo")
@Tag("step-3.6")
class RequestParserTest {
    private final ServerOptions options = ServerOptions.defaults().withMaxBodyBytes(100);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("3.6 the parser reads method, path, query, headers and a Content-Length body")
    void parsesAWholeRequest() {
        byte[] buf = bytes("POST /echo/?a=1&b=two HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nX-Name:  spaced \r\n\r\nhello");
        RequestParser parser = new RequestParser(options);

        Request request = parser.parse(buf, 0, buf.length);

        assertThat(request).isNotNull();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/echo/");
        assertThat(request.query()).containsEntry("a", "1").containsEntry("b", "two");
        assertThat(request.header("x-name")).isEqualTo("spaced");
        assertThat(new String(request.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(request.keepAlive()).isTrue();
        assertThat(parser.consumed()).isEqualTo(buf.length);
    }

    @Test
    @DisplayName("3.6 fed one byte at a time, the parser waits, then returns the request exactly once")
    void parsesIncrementally() {
        byte[] buf = bytes("GET /sync/ HTTP/1.1\r\nHost: t\r\n\r\nGET /next/ HTTP/1.1\r\nHost: t\r\n\r\n");
        RequestParser parser = new RequestParser(options);
        int firstLength = buf.length / 2;
        for (int end = 1; end < firstLength; end++) {
            assertThat(parser.parse(buf, 0, end)).as("after %d bytes", end).isNull();
            assertThat(parser.inProgress()).isTrue();
        }
        Request first = parser.parse(buf, 0, firstLength);
        assertThat(first.path()).isEqualTo("/sync/");
        assertThat(parser.inProgress()).isFalse();

        Request second = parser.parse(buf, parser.consumed(), buf.length);
        assertThat(second.path()).as("a pipelined request right behind the first").isEqualTo("/next/");
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
    @DisplayName("3.6 the parser refuses bad input with the RFC's status")
    void refusesBadInput() {
        assertStatus("GET / HTTP/1.1\r\n\r\n", 400);                               // no Host
        assertStatus("GET / HTTP/3.0\r\nHost: t\r\n\r\n", 505);
        assertStatus("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 101\r\n\r\n", 413);
        assertStatus("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999\r\n\r\n", 413);
        assertStatus("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n", 501);
        assertStatus("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
        assertStatus("GET /" + "a".repeat(9000), 414);                              // no need to wait for the line end
        assertStatus("GET / HTTP/1.1\r\nHost: t\r\nX: " + "b".repeat(20_000), 431); // nor for the header end
    }

    private Request parse(String text) {
        byte[] buf = bytes(text);
        return new RequestParser(options).parse(buf, 0, buf.length);
    }

    private void assertStatus(String text, int status) {
        assertThatThrownBy(() -> parse(text)).as("parsing %s", text.length() > 60 ? text.substring(0, 60) : text)
                .isInstanceOfSatisfying(HttpError.class, error -> assertThat(error.status()).isEqualTo(status));
    }
}
