package workshop.loop.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Response} as HTTP/1.1 bytes into a connection's output buffer. The fixed parts
 * (status lines, content types, the Date of the current second) are encoded once and reused, so
 * answering a request costs a few array copies, not a pile of Strings.
 *
 * <p>Each server has its own encoder, used only by its loop thread: its caches need no lock.
 */
final class ResponseEncoder {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_KEEP_ALIVE = "Connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The interim answer to {@code Expect: 100-continue} (RFC 9110 §15.2.1): a status line and nothing else. */
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final byte[][] statusLines = new byte[600][];
    private final Map<String, byte[]> contentTypes = new HashMap<>();
    private byte[] dateLine = new byte[0];
    private long dateSecond = -1;

    ResponseEncoder() {
        dateLine(); // pays the formatter's start-up cost now, not in the first request
    }

    /** Room the encoded response needs, at most. */
    static int sizeOf(Response response) {
        int size = 160 + response.body().length + response.contentType().length();
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            size += header.getKey().length() + header.getValue().length() * 3 + 4;
        }
        return size;
    }

    /**
     * Appends {@code response} to {@code out}, which must have {@link #sizeOf} bytes free.
     *
     * @param request the request it answers, or {@code null} when none could be parsed. A HEAD
     *                request gets the header fields of GET and no body (RFC 9110 §9.3.2); an HTTP/1.0
     *                request that keeps its connection is told so ({@code Connection: keep-alive}).
     * @param close   the connection closes after this answer ({@code Connection: close})
     */
    void encode(Response response, Request request, boolean close, ByteBuffer out) {
        out.put(statusLine(response.status()));
        out.put(contentTypes.computeIfAbsent(response.contentType(),
                type -> ("Content-Type: " + type + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        out.put(CONTENT_LENGTH);
        putDigits(response.body().length, out);
        out.put(CRLF);
        out.put(dateLine());
        if (close) {
            out.put(CONNECTION_CLOSE);
        } else if (request != null && request.version().equals("HTTP/1.0")) {
            out.put(CONNECTION_KEEP_ALIVE);
        }
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            out.put((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.put(CRLF);
        if (request == null || !request.method().equals("HEAD")) {
            out.put(response.body());
        }
    }

    /** Appends {@code 100 Continue}: the client that waits for it sends the body now. */
    void encodeContinue(ByteBuffer out) {
        out.put(CONTINUE);
    }

    private byte[] statusLine(int status) {
        byte[] line = statusLines[status];
        if (line == null) {
            line = ("HTTP/1.1 " + status + " " + reason(status) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            statusLines[status] = line;
        }
        return line;
    }

    /** The Date header field (RFC 9110 §6.6.1), encoded once per second. */
    private byte[] dateLine() {
        long second = System.currentTimeMillis() / 1000;
        if (second != dateSecond) {
            dateSecond = second;
            dateLine = ("Date: " + IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC))
                    + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        return dateLine;
    }

    private static void putDigits(int value, ByteBuffer out) {
        if (value >= 10) {
            putDigits(value / 10, out);
        }
        out.put((byte) ('0' + value % 10));
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }
}
