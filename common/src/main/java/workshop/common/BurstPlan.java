package workshop.common;

import java.time.Duration;

/**
 * How one burst is fired at one model: the kit's single timeout rule, its single sampling rule,
 * so that no race waits minutes for a model that serves one request at a time, and how often the
 * burst is fired (the race keeps the fastest).
 *
 * <p>A model that serves {@code capacity} requests at once needs {@code ceil(requests / capacity)}
 * waves of {@code ms} each. When that would take more than {@link #SAMPLE_ABOVE}, the race sends
 * only a sample of whole waves (about one second of them, and at least three) and computes the
 * full time from it; the report marks that time as computed. A burst that is one wait of up to
 * {@link #REPEAT_UP_TO} is fired {@link #BURSTS} times; a longer one, a burst of several waves or a
 * sample is fired once: its waits dwarf the few milliseconds a busy laptop can add.
 *
 * @param requests   the burst the race is about
 * @param sent       the requests actually sent: all of them, or the sample
 * @param ms         how long each request waits
 * @param wavesFull  the waves the whole burst needs
 * @param wavesSent  the waves the requests sent need
 * @param timeout    how long the client waits for the last answer
 */
public record BurstPlan(int requests, int sent, long ms, long wavesFull, long wavesSent, Duration timeout) {
    /** A burst expected to take longer than this is sampled. */
    public static final Duration SAMPLE_ABOVE = Duration.ofSeconds(3);
    /** Roughly how long a sample takes. */
    public static final Duration SAMPLE_LENGTH = Duration.ofSeconds(1);
    private static final int MIN_SAMPLE_WAVES = 3;
    /** A burst of one wave whose wait is up to this long is fired {@link #BURSTS} times. */
    public static final Duration REPEAT_UP_TO = Duration.ofSeconds(1);
    /** How often a short burst is fired. */
    public static final int BURSTS = 3;
    /** Slack on top of twice the expected time: enough for a loaded laptop, short enough to end a hang. */
    private static final Duration TIMEOUT_SLACK = Duration.ofSeconds(10);

    public static BurstPlan of(int requests, long ms, int capacity) {
        long wavesFull = waves(requests, capacity);
        int sent = requests;
        long wavesSent = wavesFull;
        if (wavesFull * ms > SAMPLE_ABOVE.toMillis()) {
            long sampleWaves = Math.max(MIN_SAMPLE_WAVES, SAMPLE_LENGTH.toMillis() / Math.max(1, ms));
            sent = (int) Math.min(requests, sampleWaves * capacity);
            wavesSent = waves(sent, capacity);
        }
        Duration timeout = TIMEOUT_SLACK.plusMillis(2 * wavesSent * ms);
        return new BurstPlan(requests, sent, ms, wavesFull, wavesSent, timeout);
    }

    private static long waves(int requests, int capacity) {
        return capacity >= requests ? 1 : (requests + (long) capacity - 1) / capacity;
    }

    /** How often the race fires this burst, each time at a fresh server. */
    public int bursts() {
        return wavesSent == 1 && !sampled() && ms <= REPEAT_UP_TO.toMillis() ? BURSTS : 1;
    }

    /** True when only a sample of the burst is sent. */
    public boolean sampled() {
        return sent < requests;
    }

    /** The whole burst's wall time: the measured one, or for a sample, scaled up by its share of the waves. */
    public double fullWallMs(double measuredWallMs) {
        return sampled() ? measuredWallMs * wavesFull / wavesSent : measuredWallMs;
    }
}
