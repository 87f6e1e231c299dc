package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The loop is not started: other threads hand in tasks, the test thread plays the loop. */
@Tag("exercise")
@Tag("step-3.4")
@DisplayName("3.4 work from other threads: execute and takeSubmissions")
class ExecuteTest {

    @Test
    @DisplayName("3.4 tasks from other threads wait in submissions until the loop takes them in")
    void submissionsAreTakenInAtTheStartOfATurn() throws Exception {
        EarlierSteps.mustBeGreen("3.4", "plays the loop: it runs the tasks it took in", "3.1");
        try (EventLoop loop = new EventLoop()) {
            List<String> ran = new CopyOnWriteArrayList<>();
            onAnotherThread(() -> loop.execute(() -> ran.add("from another thread")));

            loop.runReady();
            assertThat(ran).as("execute() must not put the task straight on the ready queue").isEmpty();

            loop.takeSubmissions();
            loop.runReady();
            assertThat(ran).containsExactly("from another thread");
        }
    }

    /** Runs {@code work} on a new thread and waits; what it throws is thrown here, so the test shows it. */
    private static void onAnotherThread(Runnable work) throws Exception {
        FutureTask<Void> task = new FutureTask<>(work, null);
        Thread.ofPlatform().name("another-thread").start(task);
        try {
            task.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new AssertionError(e.getCause());
        }
    }

    @Test
    @DisplayName("3.4 a thousand tasks from eight threads need one wake-up, and none is lost")
    void oneWakeupPerBatch() throws Exception {
        EarlierSteps.mustBeGreen("3.4", "plays the loop: it runs the tasks it took in", "3.1");
        try (EventLoop loop = new EventLoop();
             ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Integer> ran = new CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> senders = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                senders.add(threads.submit(() -> {
                    go.await();
                    for (int i = 0; i < 125; i++) {
                        int task = thread * 125 + i;
                        loop.execute(() -> ran.add(task));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<Object> sender : senders) {
                try {
                    sender.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause; // the starter's TODO, thrown on a sender thread
                    }
                    throw new AssertionError(e.getCause());
                }
            }

            assertThat(loop.wakeups()).as("wake-ups for 1000 tasks the loop has not taken yet: one is enough")
                    .isEqualTo(1);
            loop.takeSubmissions();
            loop.runReady();
            assertThat(ran).as("every submitted task ran").hasSize(1000);

            loop.execute(() -> ran.add(-1));
            assertThat(loop.wakeups()).as("after the loop took its work in, the next task must wake it again")
                    .isEqualTo(2);
            System.out.println("3.4 1000 tasks from 8 threads: 1 wake-up, then " + ran.size() + " tasks ran; one more "
                    + "task after the loop took them in: wake-up number " + loop.wakeups());
        }
    }
}
