package workshop.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workshop.common.BurstPlan;
import workshop.common.RaceModel;

@DisplayName("The race's one timeout rule and one sampling rule")
class BurstPlanTest {
    @Test
    @DisplayName("a model without a limit of its own gets the whole burst, and 10 s more than twice its wait")
    void unboundedModelsGetTheWholeBurst() {
        BurstPlan plan = BurstPlan.of(1000, 100, RaceModel.UNBOUNDED);

        assertThat(plan.sampled()).isFalse();
        assertThat(plan.sent()).isEqualTo(1000);
        assertThat(plan.wavesFull()).isEqualTo(1);
        assertThat(plan.timeout()).isEqualTo(Duration.ofMillis(10_200));
    }

    @Test
    @DisplayName("a pool of 40 gets all 100 requests: three waves take well under three seconds")
    void aPoolRunsItsWaves() {
        BurstPlan plan = BurstPlan.of(100, 100, 40);

        assertThat(plan.sampled()).isFalse();
        assertThat(plan.wavesFull()).isEqualTo(3);
        assertThat(plan.fullWallMs(312)).isEqualTo(312);
    }

    @Test
    @DisplayName("one request at a time, 100 of 100 ms: a sample of 10, and the full time computed ten times as long")
    void aSerialModelIsSampled() {
        BurstPlan plan = BurstPlan.of(100, 100, 1);

        assertThat(plan.sampled()).isTrue();
        assertThat(plan.sent()).isEqualTo(10);
        assertThat(plan.wavesSent()).isEqualTo(10);
        assertThat(plan.fullWallMs(1_010)).isEqualTo(10_100);
        assertThat(plan.timeout()).isEqualTo(Duration.ofMillis(12_000));
    }

    @Test
    @DisplayName("a burst that is one wait of up to a second is fired three times; waves, a longer wait or a sample, once")
    void shortBurstsAreFiredThreeTimes() {
        assertThat(BurstPlan.of(100, 100, RaceModel.UNBOUNDED).bursts()).as("100 at once, 100 ms").isEqualTo(3);
        assertThat(BurstPlan.of(1_000, 1_000, RaceModel.UNBOUNDED).bursts()).as("1,000 at once, 1 s").isEqualTo(3);
        assertThat(BurstPlan.of(100, 1_001, RaceModel.UNBOUNDED).bursts()).as("100 at once, 1,001 ms").isEqualTo(1);
        assertThat(BurstPlan.of(100, 100, 40).bursts()).as("three waves of 100 ms on a pool of 40").isEqualTo(1);
        assertThat(BurstPlan.of(100, 100, 1).bursts()).as("a sample of a serial model").isEqualTo(1);
    }

    @Test
    @DisplayName("a pool of 40 and 10,000 requests: a sample of 10 whole waves (400 requests), scaled by 250 / 10")
    void aBigBurstOnAPoolIsSampledInWholeWaves() {
        BurstPlan plan = BurstPlan.of(10_000, 100, 40);

        assertThat(plan.sent()).isEqualTo(400);
        assertThat(plan.wavesFull()).isEqualTo(250);
        assertThat(plan.fullWallMs(1_000)).isEqualTo(25_000);
    }

    @Test
    @DisplayName("long waits still sample at least three waves, so the pattern shows")
    void longWaitsSampleThreeWaves() {
        assertThat(BurstPlan.of(100, 1_000, 1).sent()).isEqualTo(3);
        assertThat(BurstPlan.of(100, 0, 1).sampled()).as("requests that do not wait are never sampled").isFalse();
    }
}
