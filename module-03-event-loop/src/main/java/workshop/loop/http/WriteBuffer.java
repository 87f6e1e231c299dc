package workshop.loop.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The bytes a connection still has to send. The encoder appends answers ({@link #room}); the
 * socket takes what it can ({@link #writeTo}), and the rest waits for the socket to be ready.
 */
final class WriteBuffer {
    private ByteBuffer bytes; // position = the end of the bytes to send

    WriteBuffer(int firstSize) {
        bytes = ByteBuffer.allocate(firstSize);
    }

    /** The buffer to append to, with at least {@code size} bytes free (it grows for a big answer). */
    ByteBuffer room(int size) {
        if (bytes.remaining() < size) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(bytes.capacity() * 2, bytes.position() + size));
            bytes = bigger.put(bytes.flip());
        }
        return bytes;
    }

    /** Writes as much as the channel takes now: the count. */
    int writeTo(WritableByteChannel channel) throws IOException {
        bytes.flip();
        try {
            return channel.write(bytes);
        } finally {
            bytes.compact();
        }
    }

    boolean isEmpty() {
        return bytes.position() == 0;
    }
}
