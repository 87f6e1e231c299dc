package workshop.loop.http;

import java.util.Arrays;

/**
 * Takes a request body out of the connection's {@link ReadBuffer} as its bytes arrive, into an
 * array of its own that grows with what has arrived (a client that only announces a big body
 * costs us nothing yet). Two framings (RFC 9112 §6.3): {@link FixedLength} for a
 * {@code Content-Length}, and {@link ChunkedBodyReader} for {@code Transfer-Encoding: chunked}.
 */
abstract class BodyReader {
    private static final int FIRST_SIZE = 4 * 1024;

    private final int largest;
    private byte[] bytes = Request.NO_BODY;
    private int size;

    /** @param largest the most bytes this body can have: the array never grows past it */
    BodyReader(int largest) {
        this.largest = largest;
    }

    /**
     * Takes what it can from {@code in}: true once the body is whole (and {@code in} starts at
     * whatever follows it), false when more bytes are needed.
     *
     * @throws HttpError when the body breaks its framing or the server's limits
     */
    abstract boolean readFrom(ReadBuffer in);

    /** The body, once {@link #readFrom} has returned true. */
    final byte[] body() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    final int size() {
        return size;
    }

    /** Moves {@code count} bytes of body from {@code in} to the body. */
    protected final void append(ReadBuffer in, int count) {
        if (size + count > bytes.length) {
            int grown = Math.max(size + count, Math.max(FIRST_SIZE, bytes.length * 2));
            bytes = Arrays.copyOf(bytes, Math.max(size + count, Math.min(largest, grown)));
        }
        in.take(bytes, size, count);
        size += count;
    }

    /** A body of exactly {@code Content-Length} bytes. */
    static final class FixedLength extends BodyReader {
        private final int length;

        FixedLength(int length) {
            super(length);
            this.length = length;
        }

        @Override
        boolean readFrom(ReadBuffer in) {
            append(in, Math.min(length - size(), in.size()));
            return size() == length;
        }
    }
}
