package workshop.async;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import workshop.common.BadRequestException;
import workshop.common.JsonResponse;

/** KNOWN MISTAKE (2.4-no-timeout): turns an async handler's future into the response the client gets, whatever happens. */
public final class AsyncAdapter {
    private AsyncAdapter() {
    }

    /** 2.3 The answer itself, or the error status that fits the failure. */
    public static JsonResponse toResponse(JsonResponse answer, Throwable failure) {
        if (failure == null) {
            return answer;
        }
        Throwable cause = Failures.unwrap(failure);
        return switch (cause) {
            case BadRequestException e -> JsonResponse.error(400, e.getMessage());
            case DownstreamException e -> JsonResponse.error(e.status(), e.getMessage());
            case TimeoutException e -> JsonResponse.error(504, "no answer within the server's deadline");
            default -> JsonResponse.error(500, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        };
    }

    /** 2.4 Starts the handler and returns a future that always completes, in time, with a response. */
    public static CompletableFuture<JsonResponse> answer(AsyncHandler handler, Map<String, String> query,
                                                         Duration deadline) {
        CompletableFuture<JsonResponse> work;
        try {
            work = Objects.requireNonNull(handler.handle(query), "the handler returned no future");
        } catch (RuntimeException e) { // thrown before any future existed, e.g. a bad parameter
            work = CompletableFuture.failedFuture(e);
        }
        return work.handle(AsyncAdapter::toResponse); // no deadline: a future that never completes hangs its client
    }
}
