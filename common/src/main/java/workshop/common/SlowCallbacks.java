package workshop.common;

/**
 * What an event loop reported as slow during a race, in one line: how many tasks held the loop
 * thread longer than the threshold, the worst one, and what it was.
 *
 * @param count       how many reports
 * @param thresholdMs how long a task may hold the loop before it is reported
 * @param worstMs     the longest a task held the loop
 * @param example     the name of the worst task
 */
public record SlowCallbacks(int count, long thresholdMs, double worstMs, String example) {
    /** The model has no event loop, so there is nothing to report. */
    public static final SlowCallbacks NO_LOOP = new SlowCallbacks(0, 0, 0, "");

    /** True when the model runs on an event loop that watches for slow callbacks. */
    public boolean fromALoop() {
        return this != NO_LOOP;
    }

    @Override
    public String toString() {
        if (!fromALoop()) {
            return "no event loop";
        }
        return count == 0 ? "no slow callbacks (threshold " + thresholdMs + " ms)"
                : String.format("%d slow callback%s (threshold %d ms), the worst held the loop %.0f ms: %s",
                        count, count == 1 ? "" : "s", thresholdMs, worstMs, example);
    }
}
