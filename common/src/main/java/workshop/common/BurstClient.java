package workshop.common;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires one burst: N clients each send one {@code GET} at the same moment, on their own
 * connection, and the clock measures the server alone. The connections are opened (and given
 * time to be accepted) before the clock starts; the clock starts as the first request is
 * written, every request is written in one tight pass, and the clock stops when the last byte
 * of the last answer arrives.
 *
 * <p>One thread and one selector drive every connection, so the client costs little next to the
 * server it measures, even with thousands of connections.
 */
public final class BurstClient {
    private static final int READ_BUFFER = 64 * 1024;

    private BurstClient() {
    }

    /**
     * What the clients saw: wall time from the first byte sent to the last byte received, how
     * long writing every request took, the answers that were 200, and the first failure.
     */
    public record Result(double wallMs, double sendPassMs, int ok, int failed, String firstError) {
        public int requests() {
            return ok + failed;
        }
    }

    /** Sends {@code count} requests for {@code pathAndQuery} to {@code server}; all must end within {@code timeout}. */
    public static Result fire(InetSocketAddress server, String pathAndQuery, int count, Duration timeout) {
        return fire(server, pathAndQuery, count, timeout, true);
    }

    /**
     * The same burst; {@code timed == false} skips what only a measurement needs (waiting for the
     * accepts, collecting garbage first), for the race's probe and warm-up.
     */
    static Result fire(InetSocketAddress server, String pathAndQuery, int count, Duration timeout, boolean timed) {
        byte[] request = request(server, pathAndQuery);
        List<Exchange> exchanges = new ArrayList<>(count);
        try (Selector selector = Selector.open()) {
            try {
                for (int i = 0; i < count; i++) {
                    exchanges.add(new Exchange(connect(server)));
                }
            } catch (IOException e) {
                exchanges.forEach(Exchange::abort);
                return new Result(0, 0, 0, count, "could not open connection " + (exchanges.size() + 1) + " of " + count + ": " + e);
            }
            if (timed) {
                settle(count);
                Runtime.getRuntime().gc(); // so that no collection of earlier garbage lands inside the burst
            }
            return burst(selector, exchanges, request, timeout);
        } catch (IOException e) {
            exchanges.forEach(Exchange::abort);
            return new Result(0, 0, 0, count, "client failed: " + e);
        }
    }

    /** The one request every client of the race sends: a {@code GET} that keeps its connection. */
    static byte[] request(InetSocketAddress server, String pathAndQuery) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Closes with a reset, so that thousands of sockets leave no TIME_WAIT behind. */
    static void closeAtOnce(SocketChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    static SocketChannel connect(InetSocketAddress server) throws IOException {
        SocketChannel channel = SocketChannel.open(server); // blocking connect: done before the clock starts
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        return channel;
    }

    /** Gives the server time to accept the new connections, so the clock measures requests, not accepts. */
    private static void settle(int connections) {
        try {
            Thread.sleep(50 + connections / 20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Result burst(Selector selector, List<Exchange> exchanges, byte[] request, Duration timeout)
            throws IOException {
        long start = System.nanoTime();
        for (Exchange exchange : exchanges) {
            exchange.send(selector, request);
        }
        long sent = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastByte = start;
        int open = exchanges.size();
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        while (open > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            selector.select(Math.max(1, left / 1_000_000));
            for (SelectionKey key : selector.selectedKeys()) {
                Exchange exchange = (Exchange) key.attachment();
                if (exchange.onReady(key, buffer)) {
                    lastByte = System.nanoTime();
                    open--;
                }
            }
            selector.selectedKeys().clear();
        }
        int ok = 0;
        String firstError = "";
        for (Exchange exchange : exchanges) {
            String error = exchange.error(timeout);
            if (error.isEmpty()) {
                ok++;
            } else if (firstError.isEmpty()) {
                firstError = error;
            }
            exchange.abort();
        }
        long end = open > 0 ? System.nanoTime() : lastByte;
        return new Result((end - start) / 1e6, (sent - start) / 1e6, ok, exchanges.size() - ok, firstError);
    }

    /** One connection and its single request: write it, then read one answer to its last byte. */
    private static final class Exchange {
        private final SocketChannel channel;
        private final HttpAnswer answer = new HttpAnswer();
        private ByteBuffer unsent;
        private String failure = "";

        Exchange(SocketChannel channel) {
            this.channel = channel;
        }

        void send(Selector selector, byte[] request) throws IOException {
            unsent = ByteBuffer.wrap(request);
            try {
                channel.write(unsent);
            } catch (IOException e) {
                failure = "write failed: " + e.getMessage();
                return;
            }
            channel.register(selector, unsent.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ, this);
        }

        /** Handles one ready event; true when this exchange just ended (answered or failed). */
        boolean onReady(SelectionKey key, ByteBuffer buffer) {
            try {
                if (key.isWritable()) {
                    channel.write(unsent);
                    if (!unsent.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    return false;
                }
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    failure = answer.started() ? "the server closed the connection mid-answer"
                            : "the server closed the connection without an answer";
                } else {
                    answer.feed(buffer.flip());
                    if (!answer.complete()) {
                        return false;
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e.getMessage();
            }
            key.cancel();
            return true;
        }

        String error(Duration timeout) {
            if (!failure.isEmpty()) {
                return failure;
            }
            if (!answer.complete()) {
                return "no answer within " + timeout.toMillis() + " ms";
            }
            return answer.status() == 200 ? "" : "HTTP " + answer.status() + " " + answer.body();
        }

        void abort() {
            closeAtOnce(channel);
        }
    }
}
