package workshop.common;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Supplier;

/**
 * A running server of one {@link RaceModel}: its two routes, the counter of requests in flight
 * that its handlers keep, what its event loop reported as slow (if it has one), and how to stop it.
 *
 * @param uri           where it listens
 * @param helloPath     a route that answers at once (hello world)
 * @param waitPath      the route, with its query, whose requests each wait the race's {@code ms}
 * @param counter       the requests its handlers are working on
 * @param slowCallbacks what its loop reported so far; {@link SlowCallbacks#NO_LOOP} without a loop
 * @param server        what {@link #close()} closes
 */
public record RaceServer(URI uri, String helloPath, String waitPath, InFlightCounter counter,
                         Supplier<SlowCallbacks> slowCallbacks, AutoCloseable server) implements AutoCloseable {

    /** A server on the JDK's {@code HttpServer}: no event loop, so nothing is reported as slow. */
    public static RaceServer of(JdkHttpServer server, String helloPath, String waitPath) {
        return new RaceServer(server.uri(), helloPath, waitPath, server.counter(), () -> SlowCallbacks.NO_LOOP, server);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
