package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 4.7's fix must not pin on any JDK from 21. Counting parked threads proves it only where
 * {@code synchronized} still pins (JDK 21 to 23): from JDK 24 on (JEP 491) a {@code synchronized}
 * guard parks its virtual threads as freely as a lock does, and what still pins (native frames,
 * class initializers) pins both alike. So the test also looks at what the guard holds while its
 * section runs: an object monitor is the pitfall on JDK 21 to 23, whatever this JDK does with it.
 */
@DisplayName("4.7 your fix: lockGuard()")
@Tag("exercise")
@Tag("step-4.7")
class PinFreeGuardTest {
    /** Far longer than 4 virtual threads per carrier need to start and park, even on a loaded laptop. */
    private static final Duration ALL_PARKED_WITHIN = Duration.ofSeconds(3);

    @Test
    @DisplayName("4.7 lockGuard(): while its section runs, the thread holds a java.util.concurrent lock and no monitor"
            + " (synchronized), so it cannot pin on JDK 21 to 23, whatever this JDK does")
    void theGuardHoldsALockNotAMonitor() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assertThat(threads.isObjectMonitorUsageSupported() && threads.isSynchronizerUsageSupported())
                .as("this JVM can list the monitors and locks a thread holds").isTrue();
        PinningProbe.Guard guard = ThreadFixes.lockGuard();
        CompletableFuture<ThreadInfo> inside = new CompletableFuture<>();
        // A platform thread: the JDK's ThreadMXBean lists what a thread holds only for platform threads.
        // The guard's code is the same on either kind: a monitor here is a monitor on a virtual thread too.
        Thread thread = Thread.ofPlatform().name("guard-check").start(() -> {
            try {
                guard.enter(() -> inside.complete(
                        threads.getThreadInfo(new long[] {Thread.currentThread().threadId()}, true, true)[0]));
            } catch (Throwable t) {
                inside.completeExceptionally(t);
            }
        });
        assertThat(thread.join(Duration.ofSeconds(5))).as("lockGuard()'s guard ran a section that returns at once, and ended").isTrue();
        ThreadInfo info = inside.get(1, TimeUnit.SECONDS);

        MonitorInfo[] monitors = info.getLockedMonitors();
        if (monitors.length > 0) {
            throw new AssertionError(String.format(
                    "expected lockGuard()'s section to run while its thread holds a java.util.concurrent lock and no"
                            + " monitor, but the thread held the monitor of %s, taken by synchronized (in %s). On JDK 21"
                            + " to 23 a virtual thread that parks inside synchronized pins its carrier; JDK %d does not"
                            + " (JEP 491, JDK 24), so counting parked threads cannot show it here, but code that must run"
                            + " on every JDK from 21 cannot count on that. Guard the section with a ReentrantLock instead"
                            + " of synchronized (README.md, step 4.7)",
                    describe(monitors), monitors[0].getLockedStackFrame(), Runtime.version().feature()));
        }
        LockInfo[] locks = info.getLockedSynchronizers();
        assertThat(locks)
                .as("expected lockGuard()'s section to run while its thread holds a java.util.concurrent lock (a"
                        + " ReentrantLock), but it held no lock at all: without one, nothing keeps a second thread out."
                        + " Take a lock of the guard's own around section.run() (README.md, step 4.7)")
                .isNotEmpty();
        System.out.printf("4.7 lockGuard(): inside its section the thread held %s and no monitor%n",
                Arrays.stream(locks).map(LockInfo::getClassName).collect(Collectors.joining(", ")));
    }

    @Test
    @DisplayName("4.7 lockGuard(): 4 virtual threads per carrier all park inside their guards at once, on any JDK")
    void aLockNeverPins() throws Exception {
        int threads = 4 * PinningProbe.carriers();

        PinningProbe.Result result = PinningProbe.parkInside(ThreadFixes::lockGuard, threads, ALL_PARKED_WITHIN);

        assertThat(result.parkedAtOnce())
                .as("expected all %d virtual threads, each inside a guard of its own from lockGuard(), parked at once"
                                + " within %d s, but only %d were (JDK %d, %d carrier threads). At most one per carrier:"
                                + " parked threads kept their carrier (synchronized on JDK 21 to 23). Only 1: the guards"
                                + " share one lock, where each call of lockGuard() must make a lock of its own (README.md,"
                                + " step 4.7)",
                        threads, ALL_PARKED_WITHIN.toSeconds(), result.parkedAtOnce(), result.jdk(), result.carriers())
                .isEqualTo(threads);
        System.out.println("4.7 lockGuard(): " + result);
    }

    @Test
    @DisplayName("4.7 lockGuard(): a guard still lets one thread at a time into its section")
    void aGuardStillExcludes() throws Exception {
        PinningProbe.Guard guard = ThreadFixes.lockGuard();
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger entered = new AtomicInteger();
        Thread first = Thread.ofVirtual().start(() -> enter(guard, () -> {
            entered.incrementAndGet();
            gate.await();
        }));
        Thread second = null;
        try {
            Waits.until("a first thread inside lockGuard()'s section", Duration.ofSeconds(5), () -> entered.get() >= 1,
                    () -> "it never got in: the guard must run the section it is given (README.md, step 4.7)");
            second = Thread.ofVirtual().start(() -> enter(guard, entered::incrementAndGet));
            Waits.holds("a second thread kept out of lockGuard()'s section while the first holds it", Duration.ofMillis(300),
                    () -> entered.get() == 1,
                    () -> entered.get() + " threads were inside at once: take the lock before section.run() and give it"
                            + " back after it, around the whole section (README.md, step 4.7)");
        } finally {
            gate.countDown();
        }
        assertThat(first.join(Duration.ofSeconds(5))).as("the first thread left the guard once the test let it go").isTrue();
        assertThat(second.join(Duration.ofSeconds(5)))
                .as("the second thread got in once the first had left: a guard that never gives its lock back"
                        + " (unlock() in a finally) keeps it out for good").isTrue();
        assertThat(entered.get()).as("both threads got in, one after the other").isEqualTo(2);
        System.out.println("4.7 lockGuard(): the second thread stayed out for 300 ms while the first held the guard, then got in");
    }

    private static String describe(MonitorInfo[] monitors) {
        return Arrays.stream(monitors).map(MonitorInfo::getClassName).collect(Collectors.joining(", "));
    }

    private static void enter(PinningProbe.Guard guard, PinningProbe.Section section) {
        try {
            guard.enter(section);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
