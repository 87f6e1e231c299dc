package workshop.loop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 client over a plain socket: the tests send exactly the bytes they mean
 * (malformed ones included) and read exactly what the server answers. Every read is bounded.
 */
public final class RawClient implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** One answer as it came over the wire. */
    public record Reply(int status, Map<String, String> headers, String body, String raw) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return raw.length() > 400 ? raw.substring(0, 400) + "..." : raw;
        }
    }

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(READ_TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static RawClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
        return new RawClient(socket);
    }

    public RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** {@code GET path HTTP/1.1} with a Host header and nothing else. */
    public static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n";
    }

    /** Reads one whole answer (head and Content-Length body), or fails saying what did arrive. */
    public Reply readReply() throws IOException {
        return readReply(true);
    }

    /** Reads the answer to a HEAD request: its head only, whatever Content-Length says (RFC 9110 §9.3.2). */
    public Reply readReplyToHead() throws IOException {
        return readReply(false);
    }

    private Reply readReply(boolean withBody) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!endsWithBlankLine(head)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the server closed the connection before a whole answer; got: '"
                        + head.toString(StandardCharsets.ISO_8859_1) + "'");
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        String[] lines = headText.split("\r\n");
        if (!lines[0].matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
            throw new AssertionError("expected a status line like 'HTTP/1.1 200 OK', got '" + lines[0]
                    + "': bytes the server sent that belong to no answer (a body after a HEAD answer?)");
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        int length = withBody ? Integer.parseInt(headers.getOrDefault("content-length", "0")) : 0;
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new AssertionError("the body ended after " + body.length + " of " + length + " bytes: " + headText);
        }
        String bodyText = new String(body, StandardCharsets.UTF_8);
        return new Reply(status, headers, bodyText, headText + bodyText);
    }

    /** True when the server has closed its side: the next read sees the end of the stream (or a reset). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset: closed, if not politely
        }
    }

    /** Closes our sending side only: the server sees the end of input but may still answer. */
    public void halfClose() throws IOException {
        socket.shutdownOutput();
    }

    /** Vanishes abruptly: the server gets a reset instead of a polite end of stream. */
    public void vanish() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    public void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    public InputStream input() {
        return in;
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream bytes) {
        byte[] b = bytes.toByteArray();
        int n = b.length;
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
