package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The test thread drives an unstarted loop, and moves the clock by passing "now" to moveDueTimers. */
@Tag("exercise")
@Tag("step-3.2")
@DisplayName("3.2 the timer heap: earlierFirst, callLater and moveDueTimers")
class TimerHeapTest {
    private static final long AN_HOUR = Duration.ofHours(1).toNanos();

    @Test
    @DisplayName("3.2 timers fire in deadline order, and equal deadlines in the order they were scheduled")
    void deadlineOrderWithFifoTies() {
        EarlierSteps.mustBeGreen("3.2", "runs the timers that are due", "3.1");
        try (EventLoop loop = new EventLoop()) {
            List<String> fired = new ArrayList<>();
            loop.callLater(Duration.ofMillis(300), () -> fired.add("300 ms"));
            loop.callLater(Duration.ofMillis(100), () -> fired.add("100 ms"));
            loop.callLater(Duration.ofMillis(200), () -> fired.add("200 ms"));
            for (int i = 0; i < 5; i++) {
                int n = i;
                loop.callLater(Duration.ofMillis(150), () -> fired.add("150 ms #" + n));
            }

            loop.moveDueTimers(System.nanoTime() + AN_HOUR);
            loop.runReady();

            assertThat(fired).containsExactly("100 ms", "150 ms #0", "150 ms #1", "150 ms #2", "150 ms #3",
                    "150 ms #4", "200 ms", "300 ms");
            System.out.println("3.2 scheduled 300, 100, 200 ms, then five of 150 ms; fired " + String.join(", ", fired));
        }
    }

    @Test
    @DisplayName("3.2 earlierFirst compares deadlines first, then sequence numbers")
    void theComparator() {
        try (EventLoop loop = new EventLoop()) {
            Timer early = new Timer(1_000, 7, () -> { }, loop);
            Timer late = new Timer(2_000, 1, () -> { }, loop);
            Timer sameDeadlineFirst = new Timer(1_000, 3, () -> { }, loop);

            assertThat(EventLoop.earlierFirst(early, late)).as("earlier deadline first").isNegative();
            assertThat(EventLoop.earlierFirst(late, early)).isPositive();
            assertThat(EventLoop.earlierFirst(sameDeadlineFirst, early)).as("same deadline: lower sequence first").isNegative();
            assertThat(EventLoop.earlierFirst(early, early)).isZero();
            Timer beforeWrap = new Timer(Long.MAX_VALUE - 10, 1, () -> { }, loop);
            Timer afterWrap = new Timer(Long.MAX_VALUE + 10, 2, () -> { }, loop); // nanoTime may wrap around
            assertThat(EventLoop.earlierFirst(beforeWrap, afterWrap)).as("compare a - b with 0, not a with b").isNegative();
            System.out.println("3.2 deadlines either side of nanoTime's wrap-around: earlierFirst(" + beforeWrap.deadlineNanos()
                    + ", " + afterWrap.deadlineNanos() + ") = " + EventLoop.earlierFirst(beforeWrap, afterWrap)
                    + " (before the wrap first); Long.compare of the two says " + Long.compare(beforeWrap.deadlineNanos(),
                    afterWrap.deadlineNanos()));
        }
    }

    @Test
    @DisplayName("3.2 only due timers move to the ready queue")
    void onlyDueTimersMove() {
        EarlierSteps.mustBeGreen("3.2", "runs the timers that are due", "3.1");
        try (EventLoop loop = new EventLoop()) {
            List<String> fired = new ArrayList<>();
            long now = System.nanoTime();
            loop.callLater(Duration.ZERO, () -> fired.add("due"));
            loop.callLater(Duration.ofMinutes(10), () -> fired.add("in ten minutes"));

            loop.moveDueTimers(now + Duration.ofSeconds(1).toNanos());
            loop.runReady();

            assertThat(fired).containsExactly("due");
        }
    }

    @Test
    @DisplayName("3.2 a cancelled timer never runs")
    void cancelledTimersDoNotRun() {
        EarlierSteps.mustBeGreen("3.2", "runs the timers that are due", "3.1");
        try (EventLoop loop = new EventLoop()) {
            List<String> fired = new ArrayList<>();
            Timer cancelled = loop.callLater(Duration.ofMillis(10), () -> fired.add("cancelled"));
            loop.callLater(Duration.ofMillis(20), () -> fired.add("kept"));
            cancelled.cancel();

            loop.moveDueTimers(System.nanoTime() + AN_HOUR);
            loop.runReady();

            assertThat(fired).containsExactly("kept");
        }
    }
}
