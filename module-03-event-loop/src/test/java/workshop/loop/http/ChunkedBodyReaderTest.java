package workshop.loop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The chunked decoder on its own (RFC 9112 §7.1): no socket, no loop. */
@Tag("demo")
@Tag("step-3.6")
@DisplayName("3.6 before your loop runs: parsing needs none (chunked bodies)")
class ChunkedBodyReaderTest {
    private static final String BODY = "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: yes\r\n\r\n";

    private static ReadBuffer buffer(String text) {
        return ReadBuffer.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    @DisplayName("3.6 chunks are joined, extensions ignored, trailers dropped, and what follows the body stays (RFC 9112 §7.1)")
    void decodesAWholeBody() {
        ReadBuffer in = buffer(BODY + "GET /next/");
        ChunkedBodyReader body = new ChunkedBodyReader(100, 100);

        assertThat(body.readFrom(in)).isTrue();
        assertThat(new String(body.body(), StandardCharsets.US_ASCII)).isEqualTo("hello, world");
        assertThat(in.text(0, in.size())).as("the next request, left in the buffer").isEqualTo("GET /next/");
    }

    @Test
    @DisplayName("3.6 a chunked body cut anywhere waits for more and decodes the same (RFC 9112 §7.1)")
    void decodesInPieces() {
        for (int cut = 1; cut < BODY.length(); cut++) {
            ChunkedBodyReader body = new ChunkedBodyReader(100, 100);
            ReadBuffer first = buffer(BODY.substring(0, cut));
            assertThat(body.readFrom(first)).as("after %d bytes", cut).isFalse();
            String left = first.text(0, first.size()) + BODY.substring(cut);
            assertThat(body.readFrom(buffer(left))).as("the rest after a cut at %d", cut).isTrue();
            assertThat(new String(body.body(), StandardCharsets.US_ASCII)).isEqualTo("hello, world");
        }
    }

    @Test
    @DisplayName("3.6 a bad chunk size is 400, a body over the limit 413, big numbers included (RFC 9112 §7.1)")
    void refusesBadChunks() {
        assertStatus("x\r\n", 400);
        assertStatus("5 junk\r\nhello\r\n", 400);
        assertStatus("5\r\nhelloX\r\n", 400);
        assertStatus("65\r\n", 413);                    // 101 bytes, one over the limit
        assertStatus("32\r\n" + "a".repeat(50) + "\r\n33\r\n", 413);
        assertStatus("ffffffffffffffffffff\r\n", 413);  // no overflow into a small number
        assertStatus("0\r\nno colon\r\n\r\n", 400);
    }

    private static void assertStatus(String chunks, int status) {
        assertThatThrownBy(() -> new ChunkedBodyReader(100, 100).readFrom(buffer(chunks))).as("decoding %s", chunks)
                .isInstanceOfSatisfying(HttpError.class, error -> assertThat(error.status()).isEqualTo(status));
    }
}
