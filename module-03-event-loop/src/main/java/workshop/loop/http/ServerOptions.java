package workshop.loop.http;

import java.time.Duration;

/**
 * The server's limits and timeouts; every one is configurable, so tests can make them tiny.
 * Start from {@link #defaults()} and change what you need: {@code defaults().withPort(8080)}.
 *
 * @param host              the address to bind ({@code 127.0.0.1}: loopback only)
 * @param port              the port to bind; 0 picks a free one
 * @param backlog           connections the kernel may hold before we accept them
 * @param maxConnections    open connections at most; one more is answered 503 and closed
 * @param maxRequestLine    bytes in the request line; longer is 414 (URI too long)
 * @param maxHeaderBytes    bytes in the whole header section; more is 431
 * @param maxBodyBytes      bytes in a request body (Content-Length); more is 413
 * @param maxPipelined      requests of one connection waiting for their answers; then reading pauses
 * @param idleTimeout       a keep-alive connection with no request for this long is closed
 * @param requestTimeout    a request must arrive whole within this time of its first byte, or 408
 */
public record ServerOptions(String host, int port, int backlog, int maxConnections, int maxRequestLine,
                            int maxHeaderBytes, int maxBodyBytes, int maxPipelined, Duration idleTimeout,
                            Duration requestTimeout) {

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 0, 4096, 20_000, 8 * 1024, 16 * 1024, 1024 * 1024, 16,
                Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    public ServerOptions withHost(String value) {
        return new ServerOptions(value, port, backlog, maxConnections, maxRequestLine, maxHeaderBytes,
                maxBodyBytes, maxPipelined, idleTimeout, requestTimeout);
    }

    public ServerOptions withPort(int value) {
        return new ServerOptions(host, value, backlog, maxConnections, maxRequestLine, maxHeaderBytes,
                maxBodyBytes, maxPipelined, idleTimeout, requestTimeout);
    }

    public ServerOptions withMaxConnections(int value) {
        return new ServerOptions(host, port, backlog, value, maxRequestLine, maxHeaderBytes,
                maxBodyBytes, maxPipelined, idleTimeout, requestTimeout);
    }

    public ServerOptions withMaxRequestLine(int value) {
        return new ServerOptions(host, port, backlog, maxConnections, value, maxHeaderBytes,
                maxBodyBytes, maxPipelined, idleTimeout, requestTimeout);
    }

    public ServerOptions withMaxHeaderBytes(int value) {
        return new ServerOptions(host, port, backlog, maxConnections, maxRequestLine, value,
                maxBodyBytes, maxPipelined, idleTimeout, requestTimeout);
    }

    public ServerOptions withMaxBodyBytes(int value) {
        return new ServerOptions(host, port, backlog, maxConnections, maxRequestLine, maxHeaderBytes,
                value, maxPipelined, idleTimeout, requestTimeout);
    }

    public ServerOptions withIdleTimeout(Duration value) {
        return new ServerOptions(host, port, backlog, maxConnections, maxRequestLine, maxHeaderBytes,
                maxBodyBytes, maxPipelined, value, requestTimeout);
    }

    public ServerOptions withRequestTimeout(Duration value) {
        return new ServerOptions(host, port, backlog, maxConnections, maxRequestLine, maxHeaderBytes,
                maxBodyBytes, maxPipelined, idleTimeout, value);
    }
}
