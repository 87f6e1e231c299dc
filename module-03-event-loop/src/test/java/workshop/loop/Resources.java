package workshop.loop;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/** Counts what a server could leak: this process's open file descriptors and its event-loop threads. */
public final class Resources {
    private static final Path FDS = Path.of("/proc/self/fd");

    private Resources() {
    }

    /** Whether this system can count file descriptors (Linux can; the fd checks are skipped elsewhere). */
    public static boolean canCountFds() {
        return Files.isDirectory(FDS);
    }

    public static long openFds() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + FDS, e);
        }
    }

    /** Waits until the process has no more descriptors open than {@code baseline}. */
    public static void awaitFdsBackTo(long baseline, String after) {
        if (!canCountFds()) {
            return;
        }
        try {
            await().alias("file descriptors back to the " + baseline + " open before").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20)).until(() -> openFds() <= baseline);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("file descriptors leaked " + after + ": " + baseline + " were open before, "
                    + openFds() + " still are");
        }
    }

    /** Live threads whose name starts with {@code prefix}. */
    public static long liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }
}
