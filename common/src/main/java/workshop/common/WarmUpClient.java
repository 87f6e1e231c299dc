package workshop.common;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a server's request path thousands of times before the race measures it, so that the JIT
 * has compiled that path: a model that ran 100 requests is still running interpreted code, and
 * the race would time the interpreter instead of the model.
 *
 * <p>A few keep-alive connections each send a request, read its answer and send the next at once,
 * until enough answers came back or the time budget ran out (a model that serves one request at a
 * time gets far fewer). Nothing here is measured.
 */
public final class WarmUpClient {
    private static final int READ_BUFFER = 64 * 1024;

    private WarmUpClient() {
    }

    /** Sends requests for {@code pathAndQuery} on {@code connections} connections; returns how many were answered. */
    public static int run(InetSocketAddress server, String pathAndQuery, int connections, int requests, Duration budget) {
        byte[] request = BurstClient.request(server, pathAndQuery);
        long deadline = System.nanoTime() + budget.toNanos();
        List<SocketChannel> channels = new ArrayList<>(connections);
        int answered = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel channel = BurstClient.connect(server);
                channels.add(channel);
                channel.write(ByteBuffer.wrap(request)); // a few dozen bytes: the socket buffer takes them whole
                channel.register(selector, SelectionKey.OP_READ, new HttpAnswer());
            }
            int sent = connections;
            ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
            while (answered < sent && System.nanoTime() < deadline) {
                selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    buffer.clear();
                    if (channel.read(buffer) < 0) {
                        return answered; // the server closed a connection: enough warming for a model that does that
                    }
                    HttpAnswer answer = (HttpAnswer) key.attachment();
                    answer.feed(buffer.flip());
                    if (answer.complete()) {
                        answered++;
                        if (sent < requests) {
                            channel.write(ByteBuffer.wrap(request));
                            key.attach(new HttpAnswer());
                            sent++;
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            return answered; // warming is best effort: the measured burst reports any real failure
        } finally {
            channels.forEach(BurstClient::closeAtOnce);
        }
        return answered;
    }
}
