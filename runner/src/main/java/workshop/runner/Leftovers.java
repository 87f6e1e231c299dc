package workshop.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.Stream;

/**
 * What a run left behind: threads still running and sockets still open after the tests ended, such as
 * an executor never shut down or a server never closed, and work still running or queued in the JVM's
 * common {@code ForkJoinPool} (shared by every class loader, so a fresh one cannot help). The worker reports them, and the runner then
 * replaces the worker's JVM, so that they cannot slow down, block or confuse the next run.
 *
 * <p>Daemon threads are counted apart: the kit starts some on purpose (module 02's shared timer, held in
 * a static field, lives as long as its class), and a JVM never waits for them, in Maven or here. Since
 * every run loads the classes anew, each run adds its own; the runner replaces the worker quietly once a
 * few have piled up.
 */
final class Leftovers {
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");
    /** The JDK's own threads, started on first use and kept for the life of the JVM: not left behind by anyone. */
    private static final Set<String> JDK_THREADS = Set.of("Common-Cleaner", "process reaper", "Attach Listener",
            "Signal Dispatcher", "Reference Handler", "Finalizer", "Notification Thread", "CompletableFutureDelayScheduler",
            "Read-Poller", "Write-Poller", "VirtualThread-unparker", "VirtualThread-unblocker", "Cleaner-0");

    private Leftovers() {
    }

    /**
     * The live threads and the open sockets at one moment.
     *
     * @param threads the live threads
     * @param sockets open sockets, or -1 where the system does not tell (anywhere but Linux)
     */
    record Snapshot(Set<Thread> threads, int sockets) {
    }

    /**
     * What a run left.
     *
     * @param threads names of the (non-daemon) threads still running
     * @param sockets sockets still open, 0 when none or unknown
     * @param daemons daemon threads still running, the kit's own shared timers among them
     */
    record Left(List<String> threads, int sockets, int daemons) {
        boolean any() {
            return !threads.isEmpty() || sockets > 0 || daemons > 0;
        }
    }

    static Snapshot now() {
        return new Snapshot(Set.copyOf(Thread.getAllStackTraces().keySet()), openSockets());
    }

    /** Waits up to {@code graceMillis} for what was started since {@code before} to end, then says what did not. */
    static Left since(Snapshot before, long graceMillis) throws InterruptedException {
        long deadline = System.nanoTime() + graceMillis * 1_000_000;
        while (true) {
            List<String> threads = new ArrayList<>();
            int daemons = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.threads().contains(t) && t.isAlive() && !jdkOwn(t)) {
                    if (t.isDaemon()) {
                        daemons++;
                    } else {
                        threads.add(t.getName());
                    }
                }
            }
            int sockets = before.sockets() < 0 ? 0 : Math.max(0, openSockets() - before.sockets());
            ForkJoinPool common = ForkJoinPool.commonPool();
            boolean poolBusy = !common.isQuiescent();
            if ((threads.isEmpty() && sockets == 0 && !poolBusy) || System.nanoTime() > deadline) {
                threads.sort(null);
                if (poolBusy) {
                    // Its workers are the JDK's, but work queued there by this run would delay the next run's (issue 11: 2.2).
                    threads.add("the common ForkJoinPool (still busy: " + (common.getQueuedSubmissionCount()
                            + common.getQueuedTaskCount()) + " tasks queued)");
                }
                return new Left(threads, sockets, daemons);
            }
            Thread.sleep(20);
        }
    }

    /**
     * A thread the JDK keeps for itself: virtual threads' carriers, the common pool and the delay schedulers
     * of both (Java 25), cleaners and pollers.
     */
    static boolean jdkOwn(Thread t) {
        if (t instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool()) {
            return true; // idle common-pool workers linger for a minute, whoever used the pool
        }
        String type = t.getClass().getName();
        return type.equals("jdk.internal.misc.CarrierThread") || type.startsWith("jdk.internal.misc.InnocuousThread")
                || type.equals("java.util.concurrent.DelayScheduler") || JDK_THREADS.contains(t.getName());
    }

    /** Open sockets of this JVM, on Linux; -1 elsewhere. */
    static int openSockets() {
        if (!Files.isDirectory(OPEN_FILES)) {
            return -1;
        }
        try (Stream<Path> open = Files.list(OPEN_FILES)) {
            return (int) open.filter(Leftovers::isSocket).count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException | RuntimeException closedMeanwhile) {
            return false;
        }
    }
}
