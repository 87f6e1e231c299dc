package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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

            assertThat(fired).as("timers fired after scheduling 300, 100, 200 ms, then five of 150 ms: earliest deadline first,"
                    + " and equal deadlines in the order they were scheduled (README.md, step 3.2)")
                    .containsExactly("100 ms", "150 ms #0", "150 ms #1", "150 ms #2", "150 ms #3",
                    "150 ms #4", "200 ms", "300 ms");
            System.out.println("3.2 scheduled 300, 100, 200 ms, then five of 150 ms; fired " + String.join(", ", fired));
        }
    }

    @Test
    @DisplayName("3.2 callLater numbers its timers in the order they are scheduled, so equal deadlines fire first come, first served")
    void callLaterNumbersItsTimers() {
        EarlierSteps.mustBeGreen("3.2", "schedules timers", "3.1");
        try (EventLoop loop = new EventLoop()) {
            List<Long> sequences = IntStream.range(0, 5)
                    .mapToObj(i -> loop.callLater(Duration.ofMillis(150), () -> { }).sequence())
                    .toList();

            // Two timers scheduled back to back rarely get the very same deadline on Linux's clock, but on a clock that
            // ticks coarsely they do: then only the sequence number keeps them first come, first served.
            assertThat(sequences).as("timers scheduled one after another got sequence numbers %s: number them in the order"
                            + " they are scheduled (nextSequence), so that two timers with the same deadline fire first come,"
                            + " first served (README.md, step 3.2)", sequences)
                    .doesNotHaveDuplicates().isSorted();
            System.out.println("3.2 five timers scheduled one after another got sequence numbers " + sequences);
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
            assertThat(EventLoop.earlierFirst(beforeWrap, afterWrap)).as("earlierFirst of a deadline 10 ns before nanoTime"
                    + " wraps around and one 10 ns after: the one before the wrap is due first; compare a - b with 0, not a with b"
                    + " (README.md, step 3.2)").isNegative();
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

            assertThat(fired).as("timers fired at now + 1 s: the one due now, not the one due in ten minutes (README.md,"
                    + " step 3.2)").containsExactly("due");
        }
    }

    @Test
    @DisplayName("3.2 a deadline of exactly now is due, and a due timer moves even where nanoTime wraps around")
    void dueAtItsDeadlineAndAcrossTheWrap() {
        EarlierSteps.mustBeGreen("3.2", "runs the timers that are due", "3.1");
        try (EventLoop loop = new EventLoop()) {
            List<String> fired = new ArrayList<>();
            Timer inTenMinutes = loop.callLater(Duration.ofMinutes(10), () -> fired.add("due now"));
            loop.moveDueTimers(inTenMinutes.deadlineNanos());
            loop.runReady();
            assertThat(fired).as("timers fired when now is exactly the deadline of the only timer: a timer whose deadline is"
                    + " exactly now is due, move the timers due at or before now (README.md, step 3.2)").containsExactly("due now");

            fired.clear();
            long start = System.nanoTime();
            assumeTrue(start >= 0, "this JVM's nanoTime is negative, so no delay reaches its wrap-around");
            // nanoTime counts from an arbitrary origin, and past Long.MAX_VALUE it goes on from Long.MIN_VALUE
            Timer nearTheWrap = loop.callLater(Duration.ofNanos(Long.MAX_VALUE - start - Duration.ofMinutes(10).toNanos()),
                    () -> fired.add("due before the wrap"));
            long deadline = nearTheWrap.deadlineNanos();
            loop.moveDueTimers(deadline - Duration.ofMinutes(1).toNanos());
            loop.runReady();
            assertThat(fired).as("timers fired a minute before the only deadline (README.md, step 3.2)").isEmpty();

            long anHourLater = deadline + AN_HOUR; // past Long.MAX_VALUE: a negative number
            loop.moveDueTimers(anHourLater);
            loop.runReady();
            assertThat(fired).as("timers fired an hour after the deadline: the timer due an hour ago, with its deadline just"
                    + " before nanoTime wraps around (deadline %d, now %d), stayed in the heap; compare now - deadline with 0,"
                    + " as in earlierFirst, not the two values (README.md, step 3.2)", deadline, anHourLater)
                    .containsExactly("due before the wrap");
            System.out.println("3.2 a timer due at " + deadline + " fired at now = " + anHourLater + ", an hour later across"
                    + " the wrap-around, where now < deadline as plain numbers");
        }
    }

    @Test
    @DisplayName("3.2 a cancelled timer never runs")
    void cancelledTimersDoNotRun() {
        EarlierSteps.mustBeGreen("3.2", "runs the timers that are due", "3.1");
        try (EventLoop loop = new EventLoop()) {
            List<String> fired = new ArrayList<>();
            List<String> trace = new ArrayList<>();
            loop.traceTo(trace::add);
            Timer cancelled = loop.callLater(Duration.ofMillis(10),
                    new NamedTask("the cancelled timer's task", () -> fired.add("cancelled")));
            loop.callLater(Duration.ofMillis(20), new NamedTask("the kept timer's task", () -> fired.add("kept")));
            cancelled.cancel();

            loop.moveDueTimers(System.nanoTime() + AN_HOUR);
            loop.runReady();

            assertThat(fired).as("timers fired after one was cancelled (README.md, step 3.2)").containsExactly("kept");
            assertThat(trace).as("the loop's trace of that turn: a cancelled timer must leave the heap without going to the"
                            + " ready queue, where the loop would still say it fired (README.md, step 3.2)")
                    .noneMatch(line -> line.contains("the cancelled timer's task"));
        }
    }

    @Test
    @DisplayName("3.2 once the loop runs, callLater from another thread fails with a clear error")
    void callLaterOnlyOnTheLoopThread() throws Exception {
        EarlierSteps.mustBeGreen("3.2", "schedules timers", "3.1");
        try (EventLoop loop = new EventLoop()) {
            loop.printReports(false); // with runOnce still a TODO (3.5), the loop thread stops at its first turn
            loop.start();

            Throwable thrown = ReadyQueueTest.thrownOnAnotherThread(() -> loop.callLater(Duration.ofHours(1), () -> { }));

            assertThat(thrown).as("callLater() from thread another-thread on a running loop must fail with the given"
                            + " checkLoopThread(\"callLater\"): only the loop thread may touch the timer heap, an unsynchronized"
                            + " PriorityQueue; other threads hand their work in with execute() (README.md, step 3.2)")
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
