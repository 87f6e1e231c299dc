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
     * Futures hand failures over wrapped in {@link java.util.concurrent.CompletionException}:
     * {@link Failures#unwrap} finds the cause.
     */
    public static JsonResponse toResponse(JsonResponse answer, Throwable failure) {
        throw new UnsupportedOperationException(
                "TODO 2.3: map the handler's answer or failure to a response in toResponse() in "
                        + "src/exercise/java/workshop/async/AsyncAdapter.java (README.md, step 2.3)");
    }

    /**
     * 2.4 Starts {@code handler} on {@code query} and returns a future that always completes
     * normally, within {@code deadline}, with the response to send:
     * <ol>
     *   <li>call the handler; if it throws instead of returning a future (a bad parameter is
     *       often found before any waiting starts), treat that as a failed future;</li>
     *   <li>give up waiting after {@code deadline} ({@link CompletableFuture#orTimeout}: it fails the
     *       future with a {@link java.util.concurrent.TimeoutException}, and the work itself goes on);</li>
     *   <li>turn answer or failure into a response with {@link #toResponse} ({@link CompletableFuture#handle}).</li>
     * </ol>
     * Never call {@code join()} or {@code get()} here: this runs on the dispatcher thread.
     */
    public static CompletableFuture<JsonResponse> answer(AsyncHandler handler, Map<String, String> query,
                                                         Duration deadline) {
        throw new UnsupportedOperationException(
                "TODO 2.4: call the handler, add the deadline and map the outcome in answer() in "
                        + "src/exercise/java/workshop/async/AsyncAdapter.java (README.md, step 2.4)");
    }
}
