package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the running JDK does with a virtual thread that parks inside {@code synchronized}. */
@DisplayName("4.7 what your JDK does: synchronized and virtual threads")
@Tag("demo")
@Tag("step-4.7")
class PinningDemoTest {
    /** JEP 491: from JDK 24 on, a virtual thread can give back its carrier while inside synchronized. */
    private static final int JDK_WITHOUT_MONITOR_PINNING = 24;

    @Test
    @DisplayName("4.7 virtual threads parked inside synchronized: pinned to their carriers before JDK 24, free from JDK 24 on")
    void synchronizedPinsOnlyOnOldJdks() throws Exception {
        int threads = 4 * PinningProbe.carriers();
        boolean modernJdk = Runtime.version().feature() >= JDK_WITHOUT_MONITOR_PINNING;

        PinningProbe.Result result = PinningProbe.parkInside(PinningProbe::monitorGuard, threads,
                Duration.ofSeconds(modernJdk ? 10 : 1)); // on an old JDK the probe waits in vain: keep that short
        System.out.println("4.7 synchronized on this JDK: " + result);

        if (modernJdk) {
            assertThat(result.parkedAtOnce()).as("%s", result).isEqualTo(threads);
        } else {
            assertThat(result.parkedAtOnce()).as("%s", result).isLessThanOrEqualTo(result.carriers());
        }
    }
}
