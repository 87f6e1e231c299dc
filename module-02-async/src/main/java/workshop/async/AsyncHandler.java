package workshop.async;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import workshop.common.JsonResponse;

/**
 * An endpoint that never blocks, the Java twin of FastAPI's {@code async def}: it starts its
 * work, returns a future at once, and the answer is written whenever that future completes.
 */
@FunctionalInterface
public interface AsyncHandler {
    /** Starts answering the request with these query parameters; must return quickly, without blocking. */
    CompletableFuture<JsonResponse> handle(Map<String, String> query);
}
