package workshop.sync;

import java.util.Map;
import workshop.common.BadRequestException;
import workshop.common.JsonResponse;

/**
 * KNOWN MISTAKE (1.1-python-quotes): the module's endpoints, the Java twins of FastAPI's plain {@code def} path
 * operations. Each one runs on whatever thread the server's executor gives it, and it may
 * block that thread: that is exactly what a thread per request is for.
 */
public final class SyncEndpoints {
    /** The longest {@code /slow/} wait a client may ask for, in milliseconds. */
    public static final long MAX_MS = 10_000;
    /** The wait when the client does not say. */
    public static final long DEFAULT_MS = 100;

    private SyncEndpoints() {
    }

    /** 1.1 {@code GET /sync/} answers 200 with {@code {"message": "sync"}}. */
    public static JsonResponse sync() {
        return new JsonResponse(200, "{'message': 'sync'}"); // a Python dict's repr, not JSON
    }

    /** 1.2 Turns the raw {@code ms} query parameter into milliseconds, or rejects it with a 400. */
    public static long parseMillis(String raw) {
        if (raw == null) {
            return DEFAULT_MS;
        }
        long ms;
        try {
            ms = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new BadRequestException("ms must be a whole number of milliseconds, got '" + raw + "'");
        }
        if (ms < 0 || ms > MAX_MS) {
            throw new BadRequestException("ms must be between 0 and " + MAX_MS + ", got " + ms);
        }
        return ms;
    }

    /** 1.3 {@code GET /slow/?ms=N} blocks its thread for N milliseconds, then answers "done". */
    public static JsonResponse slow(Map<String, String> query) throws InterruptedException {
        Thread.sleep(parseMillis(query.get("ms"))); // blocks this thread only; what else waits depends on the executor
        return JsonResponse.ok("message", "done");
    }
}
