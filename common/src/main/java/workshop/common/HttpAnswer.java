package workshop.common;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 answer read from a stream of bytes, piece by piece, as they arrive: the status
 * line and headers first, then a body of {@code Content-Length} bytes (or chunks up to the last,
 * empty one). Just enough of a client for {@link BurstClient}; the kit's servers always send one
 * of the two.
 */
final class HttpAnswer {
    private static final int HEAD_END = ('\r' << 24) | ('\n' << 16) | ('\r' << 8) | '\n';
    private static final long LAST_CHUNK = ((long) '\r' << 48) | ((long) '\n' << 40) | ((long) '0' << 32) | HEAD_END;
    private static final long SEVEN_BYTES = (1L << 56) - 1;
    private static final int BODY_KEPT = 300;

    private final ByteArrayOutputStream head = new ByteArrayOutputStream(256);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(64);
    private int status;
    private long contentLength = -1;
    private boolean chunked;
    private boolean headDone;
    private long bodyRead;
    private long lastBytes; // the latest bytes read, newest in the lowest byte: finds CRLFCRLF without copying
    private boolean complete;

    boolean started() {
        return head.size() > 0;
    }

    boolean complete() {
        return complete;
    }

    int status() {
        return status;
    }

    String body() {
        return body.toString(StandardCharsets.UTF_8);
    }

    /** Takes the bytes that just arrived; more bytes after the end of the answer are an error. */
    void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            if (complete) {
                throw new IllegalStateException("the server sent bytes after its answer");
            }
            byte b = bytes.get();
            lastBytes = ((lastBytes << 8) | (b & 0xff)) & SEVEN_BYTES;
            if (!headDone) {
                head.write(b);
                if ((int) lastBytes == HEAD_END) {
                    parseHead();
                }
            } else {
                takeBodyByte(b);
            }
        }
    }

    private void takeBodyByte(byte b) {
        bodyRead++;
        if (body.size() < BODY_KEPT) {
            body.write(b);
        }
        if (chunked) {
            complete = lastBytes == LAST_CHUNK;
        } else {
            complete = bodyRead == contentLength;
        }
    }

    private void parseHead() {
        headDone = true;
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IllegalStateException("not an HTTP/1.x answer: " + lines[0]);
        }
        status = Integer.parseInt(statusLine[1]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].toLowerCase(Locale.ROOT);
            if (line.startsWith("content-length:")) {
                contentLength = Long.parseLong(line.substring("content-length:".length()).trim());
            } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked && contentLength < 0) {
            throw new IllegalStateException("the answer has neither Content-Length nor chunked encoding");
        }
        complete = !chunked && contentLength == 0;
    }
}
