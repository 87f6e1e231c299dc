package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The loop is not started here (but once): the test thread drives it by hand, one step at a time. */
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

            assertThat(ran).as("tasks run by runReady after callSoon(first), callSoon(second), callSoon(third): runReady must run"
                    + " the ready tasks oldest first, in the order callSoon queued them (README.md, step 3.1)")
                    .containsExactly("first", "second", "third");
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
            assertThat(ran).as("tasks run by one runReady, where task a queued a follow-up while it ran: a task queued while"
                    + " runReady runs waits for the next turn, or a task that keeps queuing itself would never let the loop"
                    + " look at its sockets again; run only the tasks that were ready when runReady started (README.md, step 3.1)")
                    .containsExactly("a", "b");

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
            loop.callSoon(() -> { // the given runTask reports it on standard error, as it would any task's failure
                throw new IllegalStateException("a task's failure, thrown on purpose by this test");
            });
            loop.callSoon(() -> ran.add("after the failure"));

            assertThatCode(loop::runReady).as("runReady, when one of its tasks throws: run every task through the given"
                    + " runTask(task), which reports a task's failure and goes on with the next task (README.md, step 3.1)")
                    .doesNotThrowAnyException();

            assertThat(ran).as("tasks run after the one that threw: run every task through the given runTask(task), which"
                    + " reports a task's failure and goes on with the next task (README.md, step 3.1)")
                    .containsExactly("after the failure");
        }
    }

    @Test
    @DisplayName("3.1 runReady runs each task through runTask, which times it and reports a slow one")
    void slowTasksAreReported() {
        try (EventLoop loop = new EventLoop()) {
            loop.printReports(false);
            loop.slowCallbackThreshold(Duration.ofMillis(1));
            loop.callSoon(new NamedTask("a task that holds the loop for 20 ms", () -> sleepQuietly(20)));

            loop.runReady();

            assertThat(loop.slowCallbacks()).as("slow callbacks reported after runReady ran a task that held the loop for"
                            + " 20 ms, over the 1 ms threshold: it was not reported as a slow callback. Run every task"
                            + " through the given runTask(task), which times it (README.md, step 3.1)")
                    .extracting(SlowCallback::name).contains("a task that holds the loop for 20 ms");
        }
    }

    @Test
    @DisplayName("3.1 once the loop runs, callSoon from another thread fails with a clear error")
    void callSoonOnlyOnTheLoopThread() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            loop.printReports(false); // with runOnce still a TODO (3.5), the loop thread stops at its first turn
            loop.start();

            Throwable thrown = thrownOnAnotherThread(() -> loop.callSoon(() -> { }));

            assertThat(thrown).as("callSoon() from thread another-thread on a running loop must fail with the given"
                            + " checkLoopThread(\"callSoon\"): only the loop thread may touch the ready queue, an unsynchronized"
                            + " ArrayDeque; other threads hand their work in with execute() (README.md, step 3.1)")
                    .isInstanceOf(IllegalStateException.class);
            System.out.println("3.1 callSoon from another thread on a running loop: " + thrown.getMessage());
        }
    }

    /** Runs {@code work} on a thread named another-thread and returns what it threw, or null. */
    static Throwable thrownOnAnotherThread(Runnable work) throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread.ofPlatform().name("another-thread").daemon().start(() -> {
            try {
                work.run();
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        return thrown.get(10, TimeUnit.SECONDS);
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
