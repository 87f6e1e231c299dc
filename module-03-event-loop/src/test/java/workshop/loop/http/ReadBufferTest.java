package workshop.loop.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The connection's read buffer on its own: the parser's only record of what it has used. */
@Tag("demo")
@Tag("step-3.6")
@DisplayName("3.6 before your loop runs: parsing needs none (the read buffer)")
class ReadBufferTest {

    private static ReadableByteChannel channelOf(String text) {
        return Channels.newChannel(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @DisplayName("3.6 the read buffer hands out unread bytes by index, and skip() is the only way to use them")
    void skipMovesTheStart() throws Exception {
        ReadBuffer in = new ReadBuffer(16, 64);
        assertThat(in.readFrom(channelOf("GET / HTTP/1.1\r\n"))).isEqualTo(16);

        assertThat(in.text(0, 3)).isEqualTo("GET");
        assertThat(in.indexOf((byte) '\n', 0)).isEqualTo(15);
        in.skip(4);
        assertThat(in.byteAt(0)).as("the first unread byte after skip(4)").isEqualTo((byte) '/');
        assertThat(in.size()).isEqualTo(12);
        in.skip(12);
        assertThat(in.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("3.6 the read buffer grows while unread bytes fill it, up to its largest size, then reports full")
    void growsUpToItsLimit() throws Exception {
        ReadBuffer in = new ReadBuffer(4, 10);
        ReadableByteChannel channel = channelOf("0123456789abcdef");
        int total = 0;
        for (int i = 0; i < 5; i++) {
            total += Math.max(0, in.readFrom(channel));
        }
        assertThat(total).as("bytes read into a buffer of at most 10").isEqualTo(10);
        assertThat(in.isFull()).isTrue();
        in.skip(6);
        assertThat(in.readFrom(channel)).as("after skip(6), room for 6 more: the rest moves to the front").isEqualTo(6);
        assertThat(in.text(0, in.size())).isEqualTo("6789abcdef");
    }
}
