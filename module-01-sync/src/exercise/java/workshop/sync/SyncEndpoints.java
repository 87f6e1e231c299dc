package workshop.sync;

import java.util.Map;
import workshop.common.BadRequestException;
import workshop.common.JsonResponse;

/**
 * YOUR ROOM, part 1: the module's endpoints, the Java twins of FastAPI's plain {@code def}
 * path operations. Each one runs on whatever thread the server's executor gives it, and it may
 * block that thread: that is exactly what a thread per request is for.
 */
public final class SyncEndpoints {
    /** The longest {@code /slow/} wait a client may ask for, in milliseconds. */
    public static final long MAX_MS = 10_000;
    /** The wait when the client does not say. */
    public static final long DEFAULT_MS = 100;

    private SyncEndpoints() {
    }

    /**
     * 1.1 {@code GET /sync/} answers 200 with {@code {"message": "sync"}}.
     *
     * <p>You only say what the answer is; the server sets the JSON content type and writes it.
     */
    public static JsonResponse sync() {
        throw new UnsupportedOperationException(
                "TODO 1.1: return 200 with {\"message\": \"sync\"} from sync() in "
                        + "src/exercise/java/workshop/sync/SyncEndpoints.java (README.md, step 1.1)");
    }

    /**
     * 1.2 Turns the raw {@code ms} query parameter into a number of milliseconds.
     *
     * <p>{@code null} (absent) means {@link #DEFAULT_MS}. Anything that is not a whole number
     * from 0 to {@link #MAX_MS} is the client's mistake: throw {@link BadRequestException}
     * with a message that says what is allowed, and the server answers 400.
     */
    public static long parseMillis(String raw) {
        throw new UnsupportedOperationException(
                "TODO 1.2: turn the raw ms text into milliseconds, or throw BadRequestException, in parseMillis() in "
                        + "src/exercise/java/workshop/sync/SyncEndpoints.java (README.md, step 1.2)");
    }

    /**
     * 1.3 {@code GET /slow/?ms=N} blocks its thread for N milliseconds with {@link Thread#sleep(long)},
     * then answers 200 with {@code {"message": "done"}}.
     *
     * @param query the query parameters, for example {@code {"ms": "250"}}; use {@link #parseMillis}
     */
    public static JsonResponse slow(Map<String, String> query) throws InterruptedException {
        throw new UnsupportedOperationException(
                "TODO 1.3: sleep for ms milliseconds, then return 200 with {\"message\": \"done\"} from slow() in "
                        + "src/exercise/java/workshop/sync/SyncEndpoints.java (README.md, step 1.3)");
    }
}
