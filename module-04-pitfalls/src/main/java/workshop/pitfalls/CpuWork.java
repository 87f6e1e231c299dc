package workshop.pitfalls;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CPU-bound work: hashing a payload over and over, as password hashing or image resizing would.
 * There is nothing to wait for, so no future and no thread can make it cheaper: it needs a core
 * for as long as it runs.
 *
 * <p>The amount of work is given in CPU time, not in rounds, so the work is the same on a fast
 * and a slow laptop. A gauge counts the hashes running right now, so tests can see how many
 * shared the cores.
 */
public final class CpuWork {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS_PER_CHECK = 500;

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();

    /** What one hash job produced, and how much CPU time it really used. */
    public record Hash(String hex, long rounds, double cpuMs, String thread) {
    }

    /** Hashes {@code payload} again and again until this thread has used {@code cpuTime} of CPU. */
    public Hash hashFor(String payload, Duration cpuTime) {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            MessageDigest sha256 = sha256();
            byte[] digest = payload.getBytes(StandardCharsets.UTF_8);
            long start = cpuNanos();
            long rounds = 0;
            long used;
            do {
                for (int i = 0; i < ROUNDS_PER_CHECK; i++) {
                    digest = sha256.digest(digest);
                }
                rounds += ROUNDS_PER_CHECK;
                used = cpuNanos() - start;
            } while (used < cpuTime.toNanos());
            return new Hash(HexFormat.of().formatHex(digest), rounds, used / 1_000_000.0, ThreadNames.current());
        } finally {
            running.decrementAndGet();
        }
    }

    /** Hashes running right now. */
    public int running() {
        return running.get();
    }

    /** The most hashes that were running at the same moment. */
    public int maxRunning() {
        return maxRunning.get();
    }

    /** This thread's CPU time; the wall clock where the JVM cannot measure it (virtual threads). */
    private static long cpuNanos() {
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        return cpu >= 0 ? cpu : System.nanoTime();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
