package workshop.pitfalls;

import java.time.Duration;
import java.util.Map;
import workshop.common.BadRequestException;

/** Reads the {@code ms} query parameter the pitfall endpoints share (module 01, step 1.2, given here). */
public final class Millis {
    /** The longest wait or CPU burst a client may ask for. */
    public static final long MAX_MS = 10_000;
    /** What an absent {@code ms} means. */
    public static final long DEFAULT_MS = 100;

    private Millis() {
    }

    /** {@code ms} from the query as a duration; bad input is a 400, never a 500 or a hang. */
    public static Duration from(Map<String, String> query) {
        String raw = query.get("ms");
        if (raw == null) {
            return Duration.ofMillis(DEFAULT_MS);
        }
        long ms;
        try {
            ms = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("ms must be a whole number of milliseconds, got '" + raw + "'");
        }
        if (ms < 0 || ms > MAX_MS) {
            throw new BadRequestException("ms must be between 0 and " + MAX_MS + ", got " + ms);
        }
        return Duration.ofMillis(ms);
    }
}
