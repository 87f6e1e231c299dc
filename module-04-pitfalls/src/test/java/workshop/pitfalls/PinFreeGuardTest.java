package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("4.7 your fix: lockGuard()")
@Tag("exercise")
@Tag("step-4.7")
class PinFreeGuardTest {

    @Test
    @DisplayName("4.7 lockGuard(): 4 virtual threads per carrier all park inside their guards at once, on any JDK")
    void aLockNeverPins() throws Exception {
        int threads = 4 * PinningProbe.carriers();

        PinningProbe.Result result = PinningProbe.parkInside(ThreadFixes::lockGuard, threads, Duration.ofSeconds(10));

        assertThat(result.parkedAtOnce()).as("%s", result).isEqualTo(threads);
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
        await().atMost(Duration.ofSeconds(5)).until(() -> entered.get() == 1);

        Thread second = Thread.ofVirtual().start(() -> enter(guard, entered::incrementAndGet));
        try {
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> entered.get() == 1); // the second thread must wait while the first holds the guard
        } finally {
            gate.countDown();
        }
        assertThat(first.join(Duration.ofSeconds(5))).isTrue();
        assertThat(second.join(Duration.ofSeconds(5))).isTrue();
        assertThat(entered.get()).as("both threads got in, one after the other").isEqualTo(2);
        System.out.println("4.7 lockGuard(): the second thread stayed out for 300 ms while the first held the guard, then got in");
    }

    private static void enter(PinningProbe.Guard guard, PinningProbe.Section section) {
        try {
            guard.enter(section);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
