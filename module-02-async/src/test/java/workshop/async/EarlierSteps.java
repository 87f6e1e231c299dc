package workshop.async;

import java.time.Duration;
import workshop.common.EarlierTodo;

/** Module 02's own "must be green first" check, beside the common {@link EarlierTodo}: a sleep that is not yet an alarm. */
final class EarlierSteps {
    private EarlierSteps() {
    }

    /**
     * Step 2.2 first, for a test that waits with {@link AsyncSleep#sleep(Duration)}: its TODO, and also a
     * sleep that is not yet a timer's alarm. A sleep that blocks, or that waits on a pool thread
     * ({@code CompletableFuture.runAsync} around {@code Thread.sleep}), would make the calling test wait far longer
     * than its bound, one sleep after another, and leave work in the JVM's common pool that slows every later test.
     */
    static void sleepMustBeGreen(String step, String how) {
        EarlierTodo.mustBeGreen(step, how, () -> AsyncSleep.sleep(Duration.ZERO));
        String wrong = SleepProbe.whatIsWrong();
        if (wrong != null) {
            throw new AssertionError("step 2.2 must be green first: this test of step " + step + " " + how
                    + ", and your sleep " + wrong + " (README.md, step 2.2)");
        }
    }

}
