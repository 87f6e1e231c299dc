package workshop.loop.http;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The server's limits and timeouts; every one is configurable, so tests can make them tiny.
 * Start from {@link #defaults()} and change what you need:
 * {@code defaults().with(o -> o.port = 8080)}, or {@code defaults().withPort(8080)}.
 *
 * @param host              the address to bind ({@code 127.0.0.1}: loopback only)
 * @param port              the port to bind; 0 picks a free one
 * @param backlog           connections the kernel may hold before we accept them
 * @param maxConnections    open connections at most; one more is answered 503 and closed
 * @param maxRequestLine    bytes in the request line; longer is 414 (URI too long)
 * @param maxHeaderBytes    bytes in the whole header section (and in a chunked body's trailer section); more is 431
 * @param maxBodyBytes      bytes in a request body (by Content-Length, or all its chunks); more is 413
 * @param idleTimeout       a keep-alive connection with no request, or a client that reads none of our answer, for this long is closed
 * @param requestTimeout    a request must arrive whole within this time of its first byte, or 408
 */
public record ServerOptions(String host, int port, int backlog, int maxConnections, int maxRequestLine,
                            int maxHeaderBytes, int maxBodyBytes, Duration idleTimeout, Duration requestTimeout) {

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 0, 4096, 20_000, 8 * 1024, 16 * 1024, 1024 * 1024,
                Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    /** A copy with the values that {@code change} sets: {@code options.with(o -> o.maxBodyBytes = 10_000)}. */
    public ServerOptions with(Consumer<Change> change) {
        Change values = new Change(this);
        change.accept(values);
        return values.options();
    }

    public ServerOptions withHost(String value) {
        return with(o -> o.host = value);
    }

    public ServerOptions withPort(int value) {
        return with(o -> o.port = value);
    }

    /** The values of a {@link ServerOptions} while {@link #with} changes some of them. */
    public static final class Change {
        public String host;
        public int port;
        public int backlog;
        public int maxConnections;
        public int maxRequestLine;
        public int maxHeaderBytes;
        public int maxBodyBytes;
        public Duration idleTimeout;
        public Duration requestTimeout;

        private Change(ServerOptions from) {
            host = from.host;
            port = from.port;
            backlog = from.backlog;
            maxConnections = from.maxConnections;
            maxRequestLine = from.maxRequestLine;
            maxHeaderBytes = from.maxHeaderBytes;
            maxBodyBytes = from.maxBodyBytes;
            idleTimeout = from.idleTimeout;
            requestTimeout = from.requestTimeout;
        }

        private ServerOptions options() {
            return new ServerOptions(host, port, backlog, maxConnections, maxRequestLine, maxHeaderBytes,
                    maxBodyBytes, idleTimeout, requestTimeout);
        }
    }
}
