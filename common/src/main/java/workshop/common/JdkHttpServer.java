package workshop.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's built-in {@link HttpServer} with the kit's conventions: exact-path routes, JSON
 * answers (400/404/405/500 included), a counter of requests in flight, and a {@link #close()}
 * that leaves no thread behind, even when handlers are asleep.
 *
 * <p>Which thread runs a handler is decided by the executor alone: {@code null} means the
 * server's single dispatcher thread, which also accepts and reads every connection.
 */
public final class JdkHttpServer implements AutoCloseable {
    /** A blocking handler: it gets the query parameters and returns the whole answer. */
    @FunctionalInterface
    public interface JsonHandler {
        JsonResponse handle(Map<String, String> query) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final InFlightCounter counter = new InFlightCounter();
    private final Map<String, Map<String, HttpHandler>> routes = new LinkedHashMap<>();
    private final Set<Thread> busyThreads = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    private JdkHttpServer(InetSocketAddress address, ExecutorService executor) throws IOException {
        // A deep accept queue, so a burst of a thousand connections waits in the kernel instead of being refused.
        this.server = HttpServer.create(address, 1024);
        this.executor = executor;
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    /**
     * Creates a server on {@code address} (port 0 picks a free port); add routes, then {@link #start()}.
     * The server owns the executor: {@link #close()} shuts it down, so pass a new one to each server.
     */
    public static JdkHttpServer create(InetSocketAddress address, ExecutorService executorOrNull) throws IOException {
        return new JdkHttpServer(address, executorOrNull);
    }

    /** Routes {@code method path} to a blocking JSON handler, counted while it runs. */
    public JdkHttpServer route(String method, String path, JsonHandler handler) {
        return routeRaw(method, path, exchange -> runBlocking(exchange, handler));
    }

    /** Routes {@code method path} to a raw handler that answers the exchange itself. */
    public JdkHttpServer routeRaw(String method, String path, HttpHandler handler) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    public JdkHttpServer start() {
        server.start();
        return this;
    }

    public InFlightCounter counter() {
        return counter;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port() + "/");
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        Map<String, HttpHandler> byMethod = routes.get(exchange.getRequestURI().getPath());
        if (byMethod == null) {
            send(exchange, JsonResponse.error(404, "no route for " + exchange.getRequestURI().getPath()));
            return;
        }
        HttpHandler handler = byMethod.get(exchange.getRequestMethod());
        if (handler == null) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", byMethod.keySet()));
            send(exchange, JsonResponse.error(405, exchange.getRequestMethod() + " is not allowed here"));
            return;
        }
        handler.handle(exchange);
    }

    private void runBlocking(HttpExchange exchange, JsonHandler handler) throws IOException {
        send(exchange, callCounted(exchange, handler));
    }

    /**
     * Runs the handler while the counter marks the request in flight. The span ends before the
     * answer is written, so a client that has its answer can already see the span.
     */
    private JsonResponse callCounted(HttpExchange exchange, JsonHandler handler) {
        Thread me = Thread.currentThread();
        busyThreads.add(me);
        try (InFlightCounter.Ticket ignored = counter.begin()) {
            if (closing) {
                return JsonResponse.error(503, "server is shutting down");
            }
            return handler.handle(QueryParams.parse(exchange.getRequestURI().getRawQuery()));
        } catch (BadRequestException e) {
            return JsonResponse.error(400, e.getMessage());
        } catch (InterruptedException e) {
            // Only close() interrupts handlers; the flag is cleared below on purpose, because this thread lives on.
            return JsonResponse.error(503, "interrupted: the server is shutting down");
        } catch (Exception | Error e) {
            // A teaching server shows the learner's exception (often a TODO) to the client; a real one would log it.
            return JsonResponse.error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            busyThreads.remove(me);
            Thread.interrupted(); // a close() that raced with the end of this handler must not leak its interrupt
        }
    }

    /** Writes a JSON answer and closes the exchange. */
    public static void send(HttpExchange exchange, JsonResponse response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops accepting, wakes handlers that are asleep, and waits for every server thread to end. */
    @Override
    public void close() {
        closing = true;
        busyThreads.forEach(Thread::interrupt);
        server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("handler threads did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
