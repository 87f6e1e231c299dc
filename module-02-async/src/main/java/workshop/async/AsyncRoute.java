package workshop.async;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import workshop.common.BadRequestException;
import workshop.common.InFlightCounter;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;
import workshop.common.QueryParams;

/**
 * Plugs an {@link AsyncHandler} into the JDK's {@link com.sun.net.httpserver.HttpServer}
 * (register it with {@link JdkHttpServer#routeRaw}). {@code handle} returns as soon as the
 * handler has started, so the calling thread is free for the next request; the response is
 * written later, by whichever thread completes the future (or at once, by the calling thread,
 * when the future is already complete: a stage attached to a completed future runs right away).
 *
 * <p>The request counts as in flight from its start until its response is ready to be written,
 * even though no thread is busy with it in between: that is what lets tests see a thousand of
 * them at once.
 */
public final class AsyncRoute implements HttpHandler {
    private final AsyncHandler handler;
    private final InFlightCounter counter;
    private final Duration deadline;

    public AsyncRoute(AsyncHandler handler, InFlightCounter counter, Duration deadline) {
        this.handler = handler;
        this.counter = counter;
        this.deadline = deadline;
    }

    @Override
    public void handle(HttpExchange exchange) {
        InFlightCounter.Ticket ticket = counter.begin();
        CompletableFuture<JsonResponse> answer;
        try {
            Map<String, String> query = QueryParams.parse(exchange.getRequestURI().getRawQuery());
            answer = AsyncAdapter.answer(handler, query, deadline);
        } catch (BadRequestException e) {
            answer = CompletableFuture.completedFuture(JsonResponse.error(400, e.getMessage()));
        } catch (RuntimeException | Error e) { // the adapter itself is unfinished or broken: say so, never hang
            answer = CompletableFuture.completedFuture(JsonResponse.error(500, "AsyncAdapter.answer() failed: " + e));
        }
        answer.whenComplete((response, failure) -> respond(exchange, ticket, response != null ? response
                : JsonResponse.error(500, "the answer failed instead of carrying an error response: " + failure)));
    }

    /**
     * Writes the answer on the completing thread. The span ends just before the write, so a client
     * that has its answer can already see the span (as in {@link JdkHttpServer}'s blocking routes).
     */
    private static void respond(HttpExchange exchange, InFlightCounter.Ticket ticket, JsonResponse response) {
        ticket.close();
        try {
            JdkHttpServer.send(exchange, response);
        } catch (IOException e) {
            // The client hung up or the server is closing: there is nobody left to answer.
        } finally {
            exchange.close();
        }
    }
}
