package workshop.async;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import workshop.common.TestClient;

/**
 * A thousand HTTP/1.1 clients without a thousand client threads: one plain socket per request,
 * each sending {@code GET ... Connection: close}, all read back later by the test thread. The
 * test JVM's thread count then measures the server alone.
 */
final class RawClients implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 20_000;

    private final List<Socket> sockets = new ArrayList<>();

    private RawClients() {
    }

    /** Opens {@code count} connections to {@code base} and sends {@code GET pathAndQuery} on each. */
    static RawClients send(URI base, String pathAndQuery, int count) throws IOException {
        RawClients clients = new RawClients();
        byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket();
                clients.sockets.add(socket);
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), CONNECT_TIMEOUT_MS);
                socket.setSoTimeout(READ_TIMEOUT_MS);
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            }
        } catch (IOException e) {
            clients.close();
            throw e;
        }
        return clients;
    }

    /** Reads every answer, in the order the requests were sent (each read is bounded). */
    List<TestClient.Reply> readAll() throws IOException {
        List<TestClient.Reply> replies = new ArrayList<>(sockets.size());
        for (Socket socket : sockets) {
            replies.add(read(socket.getInputStream()));
        }
        return replies;
    }

    private static TestClient.Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all); // the server closes the connection after the answer: Connection: close
        String text = all.toString(StandardCharsets.UTF_8);
        int headersEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headersEnd < 0) {
            return new TestClient.Reply(-1, "none", "not an HTTP answer: '" + text + "'");
        }
        String[] head = text.substring(0, headersEnd).split("\r\n");
        int status = Integer.parseInt(head[0].substring(9, 12));
        String contentType = "none";
        for (String header : head) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = header.substring("content-type:".length()).strip();
            }
        }
        return new TestClient.Reply(status, contentType, text.substring(headersEnd + 4));
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone: nothing to release
            }
        }
    }
}
