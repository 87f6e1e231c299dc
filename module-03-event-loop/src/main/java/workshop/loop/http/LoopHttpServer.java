package workshop.loop.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import workshop.common.InFlightCounter;
import workshop.loop.EventLoop;

/**
 * An HTTP/1.1 server on one {@link EventLoop}: the loop accepts connections, reads and parses
 * requests, runs handlers until they wait, and writes answers, all on its single thread.
 *
 * <pre>{@code
 * EventLoop loop = new EventLoop();
 * Router routes = new Router().get("/slow/", request -> loop.sleep(Duration.ofMillis(100))
 *         .thenApply(done -> Response.ok("message", "done")));
 * try (LoopHttpServer server = LoopHttpServer.start(loop, ServerOptions.defaults(), routes)) {
 *     System.out.println(server.uri());
 * }
 * }</pre>
 */
public final class LoopHttpServer implements AutoCloseable {
    private static final int ACCEPTS_PER_TURN = 256; // a flood of connections must not hold up the rest of a turn

    private final EventLoop loop;
    private final ServerOptions options;
    private final Router router;
    private final InFlightCounter counter = new InFlightCounter();
    private final ResponseEncoder encoder = new ResponseEncoder();
    private final ServerSocketChannel listener;
    private final Set<Connection> connections = new HashSet<>(); // loop thread only
    private int nextId;

    private LoopHttpServer(EventLoop loop, ServerOptions options, Router router) throws IOException {
        this.loop = loop;
        this.options = options;
        this.router = router;
        this.listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(options.host(), options.port()), options.backlog());
        } catch (IOException e) {
            listener.close();
            throw e;
        }
    }

    /** Starts a server with its own new loop, on 127.0.0.1 and a free port. */
    public static LoopHttpServer start(Router router) {
        return start(new EventLoop(), ServerOptions.defaults(), router);
    }

    /** Starts a server on {@code loop} (started here if it is not running yet); {@link #close()} closes the loop too. */
    public static LoopHttpServer start(EventLoop loop, ServerOptions options, Router router) {
        LoopHttpServer server;
        try {
            server = new LoopHttpServer(loop, options, router);
        } catch (IOException e) {
            loop.close();
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port(), e);
        }
        try {
            if (!loop.isRunning()) {
                loop.start();
            }
            loop.runOnLoop(() -> loop.register(server.listener, SelectionKey.OP_ACCEPT, server::acceptAll));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The listening socket is ready: accept the waiting connections and watch each one for reading. */
    private void acceptAll() {
        for (int i = 0; i < ACCEPTS_PER_TURN; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                System.err.println("accept failed: " + e.getMessage()); // for example, out of file descriptors
                return;
            }
            if (channel == null) {
                return;
            }
            if (connections.size() >= options.maxConnections()) {
                refuse(channel);
                continue;
            }
            Connection connection = new Connection(this, channel, nextId++);
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true); // small answers leave at once
                connection.open();
                connections.add(connection);
            } catch (IOException e) {
                connection.close("could not set up: " + e.getMessage());
            }
        }
    }

    /** Over the connection cap: a best-effort 503 with the kit's JSON error, then close. */
    private void refuse(SocketChannel channel) {
        try (channel) {
            channel.configureBlocking(false);
            Response tooMany = Response.error(503, "too many connections");
            ByteBuffer answer = ByteBuffer.allocate(ResponseEncoder.sizeOf(tooMany));
            encoder.encode(tooMany, null, true, answer);
            channel.write(answer.flip()); // one small write to a fresh socket: its buffer has room
            loop.trace("refuse a connection: " + connections.size() + " are open already"); // rare: no need to skip the string
        } catch (IOException ignored) {
            // the client is gone already; nothing to tell it
        }
    }

    void closed(Connection connection) {
        connections.remove(connection);
    }

    Router router() {
        return router;
    }

    ResponseEncoder encoder() {
        return encoder;
    }

    ServerOptions options() {
        return options;
    }

    /** The loop that runs this server. */
    public EventLoop loop() {
        return loop;
    }

    /** Requests from "parsed" to "answer written": what tests await to prove overlap. */
    public InFlightCounter counter() {
        return counter;
    }

    public int port() {
        return listener.socket().getLocalPort();
    }

    public URI uri() {
        return URI.create("http://" + options.host() + ":" + port() + "/");
    }

    /** Open client connections right now. */
    public int openConnections() {
        return loop.runOnLoop(connections::size);
    }

    /** Stops listening, closes every connection, then closes the loop: no thread, socket or descriptor is left. */
    @Override
    public void close() {
        try {
            if (loop.isRunning()) {
                loop.runOnLoop(() -> {
                    closeAll();
                    return null;
                });
            } else {
                closeAll();
            }
        } catch (RuntimeException e) {
            closeAll(); // the loop is dead (or never ran): nobody else touches these any more
        } finally {
            loop.close();
        }
    }

    private void closeAll() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Connection connection : new ArrayList<>(connections)) {
            connection.close("server closing");
        }
    }
}
