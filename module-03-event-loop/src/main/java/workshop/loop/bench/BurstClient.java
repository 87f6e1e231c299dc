package workshop.loop.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import workshop.common.Args;

/**
 * "One burst": N clients each send one {@code GET /slow/?ms=d} at the same moment, on their own
 * connection, and efficiency = d / wall (1.0 would mean every request waited side by side and
 * nothing else). Two clocks: {@code connected first} opens the N connections before the clock
 * starts, so the wall time runs from the first request sent to the last answer read (the server's
 * work alone); {@code with connects} starts the clock before the first connect.
 *
 * <p>All clients share one thread and one selector, so the client itself is cheap even with
 * 10,000 connections. Run it in its own process; it fires a warm-up burst first:
 * {@code java -cp target/solutions/classes workshop.loop.bench.BurstClient --port 8081 --requests 1000 --ms 1000}
 */
public final class BurstClient {
    private BurstClient() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments);
        int port = args.number("port", 8081);
        int requests = args.number("requests", 1000);
        int ms = args.number("ms", 1000);
        int warmUp = args.number("warmup", Math.min(requests, 1000));
        String label = args.text("label", "port " + port);
        boolean connectFirst = !args.text("clock", "send").equals("connect");
        burst(port, warmUp, ms, connectFirst); // JIT, connection paths and thread pools warm on both sides
        Thread.sleep(1_000); // let the server finish closing the warm-up's connections before the clock starts
        int repeat = args.number("repeat", 3);
        double[] walls = new double[repeat];
        long errors = 0;
        for (int i = 0; i < repeat; i++) {
            long[] result = burst(port, requests, ms, connectFirst);
            walls[i] = result[0] / 1_000_000.0;
            errors += result[1];
            Thread.sleep(1_000);
        }
        java.util.Arrays.sort(walls);
        double best = walls[0];
        double median = walls[repeat / 2];
        System.out.printf("%-30s %-16s N=%-6d d=%-5d best of %d: wall=%6.0f ms efficiency=%.2f"
                        + "  (median %6.0f ms, %.2f)  errors=%d%n",
                label, connectFirst ? "connected first" : "with connects", requests, ms, repeat, best, ms / best,
                median, ms / median, errors);
    }

    /**
     * Returns {wall nanos, failed requests}. One thread and one selector drive every client
     * connection (non-blocking connect, write, read to the end), so the client costs little next
     * to the server it measures.
     */
    static long[] burst(int port, int requests, int ms, boolean connectFirst) throws IOException {
        byte[] request = ("GET /slow/?ms=" + ms + " HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
        long failed = 0;
        int open = 0;
        try (Selector selector = Selector.open()) {
            long start = System.nanoTime();
            if (connectFirst) {
                List<SocketChannel> connected = new ArrayList<>(requests);
                for (int i = 0; i < requests; i++) {
                    connected.add(SocketChannel.open(server)); // blocking connect, before the clock
                }
                start = System.nanoTime();
                for (SocketChannel channel : connected) {
                    channel.configureBlocking(false);
                    channel.register(selector, SelectionKey.OP_WRITE, new Client(ByteBuffer.wrap(request)));
                    open++;
                }
            } else {
                for (int i = 0; i < requests; i++) {
                    SocketChannel channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    Client client = new Client(ByteBuffer.wrap(request));
                    if (channel.connect(server)) {
                        channel.register(selector, SelectionKey.OP_WRITE, client);
                    } else {
                        channel.register(selector, SelectionKey.OP_CONNECT, client);
                    }
                    open++;
                }
            }
            while (open > 0) {
                if (selector.select(60_000) == 0) {
                    break; // nothing moved for a minute: count the rest as failed
                }
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    SocketChannel channel = (SocketChannel) key.channel();
                    Client client = (Client) key.attachment();
                    try {
                        if (key.isConnectable() && channel.finishConnect()) {
                            key.interestOps(SelectionKey.OP_WRITE);
                        } else if (key.isWritable()) {
                            channel.write(client.request);
                            if (!client.request.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        } else if (key.isReadable()) {
                            readBuffer.clear();
                            int count = channel.read(readBuffer);
                            if (count > 0 && client.firstBytes.length() < 12) {
                                readBuffer.flip();
                                while (readBuffer.hasRemaining() && client.firstBytes.length() < 12) {
                                    client.firstBytes.append((char) readBuffer.get());
                                }
                            }
                            if (count < 0) { // Connection: close, so the answer ends with the stream
                                failed += client.firstBytes.toString().equals("HTTP/1.1 200") ? 0 : 1;
                                channel.close(); // the server closed first, so the TIME_WAIT stays on its side
                                open--;
                            }
                        }
                    } catch (IOException e) {
                        failed++;
                        closeAbruptly(channel);
                        open--;
                    }
                }
            }
            long wall = System.nanoTime() - start;
            for (SelectionKey key : selector.keys()) {
                closeAbruptly((SocketChannel) key.channel());
            }
            return new long[] {wall, failed + open};
        }
    }

    /** One client connection's state. */
    private static final class Client {
        final ByteBuffer request;
        final StringBuilder firstBytes = new StringBuilder(12);

        Client(ByteBuffer request) {
            this.request = request;
        }
    }

    private static void closeAbruptly(SocketChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            channel.close();
        } catch (IOException ignored) {
            // gone already
        }
    }
}
