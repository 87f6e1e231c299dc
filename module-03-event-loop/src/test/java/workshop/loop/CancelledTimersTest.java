package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The loop is not started: the test thread schedules and cancels timers, then asks for the select
 * timeout, which is where a turn clears cancelled timers out of the way (as asyncio's
 * {@code _run_once} does before it selects).
 */
@Tag("exercise")
@Tag("step-3.5")
@DisplayName("3.5 one turn: the timer heap cleared of cancelled timers")
class CancelledTimersTest {
    private static final Duration AN_HOUR = Duration.ofHours(1);

    @Test
    @DisplayName("3.5 a heap of more than 100 timers, over half of them cancelled, is rebuilt from the live ones")
    void aMostlyCancelledHeapIsRebuilt() {
        EarlierSteps.mustBeGreen("3.5", "schedules, cancels and runs timers", "3.1", "3.2");
        try (EventLoop loop = new EventLoop()) {
            List<String> fired = new ArrayList<>();
            List<String> live = new ArrayList<>();
            List<Timer> timers = schedule(loop, 1000, fired);
            for (int i = 0; i < timers.size(); i++) {
                if (i % 5 == 1 || i % 5 == 2 || i % 5 == 3) {
                    timers.get(i).cancel(); // 600 from the middle of the heap; the timer on top stays live
                } else {
                    live.add("#" + i);
                }
            }

            loop.selectTimeoutMillis(System.nanoTime());

            assertThat(loop.timersInHeap())
                    .as("timers left in the heap after one turn with 600 of 1,000 cancelled: more than "
                            + EventLoopBase.REBUILD_MIN_TIMERS + " wait and over half are cancelled, so rebuild the heap "
                            + "from the 400 live ones, as asyncio does (README.md, step 3.5)")
                    .isEqualTo(400);
            assertThat(loop.cancelledTimers())
                    .as("cancelled timers still counted after the rebuild: start the count again "
                            + "(resetCancelledTimers()), or every later turn rebuilds the heap again (README.md, step 3.5)")
                    .isZero();

            loop.moveDueTimers(System.nanoTime() + 2 * AN_HOUR.toNanos());
            loop.runReady();
            assertThat(fired).as("the live timers, after the rebuild: all of them, in deadline order").isEqualTo(live);
            System.out.println("3.5 1000 timers, 600 of them cancelled: 400 left in the heap after one turn, the count "
                    + "of cancelled timers back to 0, and the 400 live ones fired in deadline order");
        }
    }

    @Test
    @DisplayName("3.5 the heap is rebuilt only above 100 timers and above half of them cancelled, as in asyncio")
    void rebuildThresholds() {
        EarlierSteps.mustBeGreen("3.5", "schedules and cancels timers", "3.2");
        try (EventLoop loop = new EventLoop()) {
            List<Timer> first = schedule(loop, 100, new ArrayList<>());
            first.subList(1, 100).forEach(Timer::cancel); // 99 of 100, the top one live
            loop.selectTimeoutMillis(System.nanoTime());
            assertThat(loop.timersInHeap())
                    .as("timers in the heap after a turn with 99 of 100 cancelled: 100 is not more than "
                            + EventLoopBase.REBUILD_MIN_TIMERS + ", so leave the heap alone (README.md, step 3.5)")
                    .isEqualTo(100);

            List<Timer> second = schedule(loop, 100, new ArrayList<>());
            second.get(99).cancel(); // now 100 of 200: exactly half
            loop.selectTimeoutMillis(System.nanoTime());
            assertThat(loop.timersInHeap())
                    .as("timers in the heap after a turn with 100 of 200 cancelled: exactly half is not over half, "
                            + "so leave the heap alone (README.md, step 3.5)")
                    .isEqualTo(200);

            second.get(98).cancel(); // 101 of 200: over half
            loop.selectTimeoutMillis(System.nanoTime());
            assertThat(loop.timersInHeap())
                    .as("timers in the heap after a turn with 101 of 200 cancelled: over half, so rebuild it from "
                            + "the 99 live ones (README.md, step 3.5)")
                    .isEqualTo(99);
            System.out.println("3.5 after a turn: 99 of 100 cancelled -> 100 timers kept; 100 of 200 -> 200 kept; "
                    + "101 of 200 -> rebuilt, 99 left");
        }
    }

    /** Schedules {@code count} timers an hour and a few milliseconds from now, each further than the one before. */
    private static List<Timer> schedule(EventLoop loop, int count, List<String> fired) {
        List<Timer> timers = new ArrayList<>();
        int first = loop.timersInHeap();
        for (int i = 0; i < count; i++) {
            String name = "#" + (first + i);
            timers.add(loop.callLater(AN_HOUR.plusMillis(first + i), () -> fired.add(name)));
        }
        return timers;
    }
}
