package workshop.async;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import workshop.common.JsonResponse;
import workshop.common.Millis;

/**
 * YOUR ROOM, part 4: the module's async endpoints, the Java twins of FastAPI's
 * {@code async def} path operations. They run on the server's one dispatcher thread, so they
 * must return at once: never {@code Thread.sleep}, never {@code join()}.
 */
public final class AsyncEndpoints {
    private AsyncEndpoints() {
    }

    /** 2.5 {@code GET /async/} answers at once with {@code {"message": "async"}}, as an already completed future. */
    public static CompletableFuture<JsonResponse> hello() {
        throw new UnsupportedOperationException(
                "TODO 2.5: return a completed future of {\"message\": \"async\"} from hello() in "
                        + "src/exercise/java/workshop/async/AsyncEndpoints.java (README.md, step 2.5)");
    }

    /**
     * 2.5 {@code GET /slow/?ms=N} waits N milliseconds with your {@link AsyncSleep#sleep(java.time.Duration)},
     * holding no thread, then answers {@code {"message": "done"}}. {@code ms} follows module 01's rules
     * (absent: 100; a whole number from 0 to 10,000; anything else is a 400), and they are given here:
     * {@link Millis}.
     *
     * @param query the query parameters, for example {@code {"ms": "250"}}
     */
    public static CompletableFuture<JsonResponse> slow(Map<String, String> query) {
        throw new UnsupportedOperationException(
                "TODO 2.5: wait ms milliseconds without blocking, then answer \"done\" from slow() in "
                        + "src/exercise/java/workshop/async/AsyncEndpoints.java (README.md, step 2.5)");
    }
}
