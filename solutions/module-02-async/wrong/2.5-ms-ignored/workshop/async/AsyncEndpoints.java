package workshop.async;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import workshop.common.JsonResponse;
import workshop.common.Millis;

/** KNOWN MISTAKE (2.5-ms-ignored): the module's async endpoints, the Java twins of FastAPI's {@code async def} path operations. */
public final class AsyncEndpoints {
    private AsyncEndpoints() {
    }

    /** 2.5 {@code GET /async/} answers at once with {@code {"message": "async"}}. */
    public static CompletableFuture<JsonResponse> hello() {
        return CompletableFuture.completedFuture(JsonResponse.ok("message", "async"));
    }

    /** 2.5 {@code GET /slow/?ms=N} waits N ms without holding a thread, then answers "done". */
    public static CompletableFuture<JsonResponse> slow(Map<String, String> query) {
        long ms = Millis.parse(query.get("ms")); // a bad ms throws here, before any waiting starts
        return AsyncSleep.sleep(Duration.ofMillis(Millis.DEFAULT_MS)) // the ms it read is not used
                .thenApply(woke -> JsonResponse.ok("message", "done"));
    }
}
