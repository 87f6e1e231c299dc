package workshop.async;

import workshop.common.BadRequestException;

/** The {@code ms} query parameter of {@code /slow/}, checked as in module 01: a bad value is a 400. */
public final class Millis {
    /** The longest wait a client may ask for, in milliseconds. */
    public static final long MAX_MS = 10_000;
    /** The wait when the client does not say. */
    public static final long DEFAULT_MS = 100;

    private Millis() {
    }

    /** {@code null} means {@link #DEFAULT_MS}; anything but a whole number from 0 to {@link #MAX_MS} is a 400. */
    public static long parse(String raw) {
        if (raw == null) {
            return DEFAULT_MS;
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
        return ms;
    }
}
