package workshop.async;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import workshop.common.JsonResponse;

/**
 * YOUR ROOM, part 3: between an {@link AsyncHandler} and the client. The given {@link AsyncRoute}
 * calls {@link #answer} when a request arrives and writes whatever response the returned future
 * completes with; your job is that every request gets one: the handler's own answer, or an error
 * status that says what went wrong, and never a client left waiting forever.
 */
public final class AsyncAdapter {
    private AsyncAdapter() {
    }

    /**
     * 2.3 The response for a handler's outcome: {@code answer} when {@code failure} is {@code null},
     * otherwise a JSON error (see {@link JsonResponse#error}) chosen by the failure's real cause:
     * <ul>
     *   <li>{@link workshop.common.BadRequestException}: 400 with its message;</li>
     *   <li>{@link DownstreamException}: its own {@link DownstreamException#status()} and message;</li>
     *   <li>{@link java.util.concurrent.TimeoutException} (a missed deadline): 504;</li>
     *   <li>anything else: 500, with the exception's class name and message.</li>
     * </ul>
     * A failure that travelled through a future may arrive wrapped in a
     * {@link java.util.concurrent.CompletionException}; its cause decides the status.
     */
    public static JsonResponse toResponse(JsonResponse answer, Throwable failure) {
        throw new UnsupportedOperationException(
                "TODO 2.3: map the handler's answer or failure to a response in toResponse() in "
                        + "src/exercise/java/workshop/async/AsyncAdapter.java (README.md, step 2.3)");
    }

    /**
     * 2.4 Starts {@code handler} on {@code query} and returns, at once, a future that always completes
     * normally, within {@code deadline}, with the response to send: the handler's answer, or the
     * error {@link #toResponse} makes of what went wrong. Three things can go wrong:
     * <ul>
     *   <li>the handler throws instead of returning a future (a bad parameter is often found before
     *       any waiting starts);</li>
     *   <li>its future fails;</li>
     *   <li>its future is not complete when {@code deadline} has passed: the client gets a 504 then
     *       (the handler's work itself may go on).</li>
     * </ul>
     * This runs on the dispatcher thread, which every other request needs too: it must never wait.
     */
    public static CompletableFuture<JsonResponse> answer(AsyncHandler handler, Map<String, String> query,
                                                         Duration deadline) {
        throw new UnsupportedOperationException(
                "TODO 2.4: call the handler, add the deadline and map the outcome in answer() in "
                        + "src/exercise/java/workshop/async/AsyncAdapter.java (README.md, step 2.4)");
    }
}
