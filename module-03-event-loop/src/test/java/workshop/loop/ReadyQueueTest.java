package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The loop is not started here: the test thread drives it by hand, one step at a time. */
@Tag("exercise")
@Tag("step-3.1")
@DisplayName("3.1 the ready queue: callSoon and runReady")
class ReadyQueueTest {

    @Test
    @DisplayName("3.1 callSoon queues tasks and runReady runs them in the order they came")
    void readyTasksRunInOrder() {
        try (EventLoop loop = new EventLoop()) {
            List<String> ran = new ArrayList<>();
            loop.callSoon(() -> ran.add("first"));
            loop.callSoon(() -> ran.add("second"));
            loop.callSoon(() -> ran.add("third"));
            assertThat(ran).as("callSoon must only queue the task, not run it").isEmpty();

            loop.runReady();

            assertThat(ran).containsExactly("first", "second", "third");
        }
    }

    @Test
    @DisplayName("3.1 a task queued by a running task waits for the next turn, so it cannot starve the sockets")
    void tasksQueuedDuringTheTurnWaitForTheNextOne() {
        try (EventLoop loop = new EventLoop()) {
            List<String> ran = new ArrayList<>();
            loop.callSoon(() -> {
                ran.add("a");
                loop.callSoon(() -> ran.add("a's follow-up"));
            });
            loop.callSoon(() -> ran.add("b"));

            loop.runReady();
            assertThat(ran).as("after one turn").containsExactly("a", "b");

            loop.runReady();
            assertThat(ran).as("after two turns").containsExactly("a", "b", "a's follow-up");
            System.out.println("3.1 a queues a follow-up while it runs: after one turn " + ran.subList(0, 2)
                    + ", after two " + ran);
        }
    }

    @Test
    @DisplayName("3.1 a task that throws is reported and the next task still runs")
    void aFailingTaskDoesNotStopTheOthers() {
        try (EventLoop loop = new EventLoop()) {
            List<String> ran = new ArrayList<>();
            loop.callSoon(() -> {
                throw new IllegalStateException("boom (expected by the test)");
            });
            loop.callSoon(() -> ran.add("after the failure"));

            loop.runReady();

            assertThat(ran).as("runReady should run every task with runTask(task), which catches failures")
                    .containsExactly("after the failure");
        }
    }
}
