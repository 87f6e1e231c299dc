package workshop.common;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code ms} query parameter that every {@code /slow/}-style endpoint of the kit shares:
 * absent means {@link #DEFAULT_MS}; anything but a whole number from 0 to {@link #MAX_MS} is the
 * client's mistake, a 400. Module 01 does not get this class: its step 1.2 is to write these rules.
 */
public final class Millis {
    /** The longest wait a client may ask for, in milliseconds. */
    public static final long MAX_MS = 10_000;
    /** The wait when the client does not say. */
    public static final long DEFAULT_MS = 100;

    private Millis() {
    }

    /** The raw text of {@code ms} ({@code null} when absent) as milliseconds, or a {@link BadRequestException}. */
    public static long parse(String raw) {
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

    /** {@code ms} read from a query map, as a duration. */
    public static Duration from(Map<String, String> query) {
        return Duration.ofMillis(parse(query.get("ms")));
    }
}
