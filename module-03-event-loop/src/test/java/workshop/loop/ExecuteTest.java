package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The loop is not started: other threads hand in tasks, the test thread plays the loop. */
@Tag("exercise")
@Tag("step-3.4")
class ExecuteTest {

    @Test
    @DisplayName("3.4 tasks from other threads wait in submissions until the loop takes them in")
    void submissionsAreTakenInAtTheStartOfATurn() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            List<String> ran = new CopyOnWriteArrayList<>();
            Thread other = Thread.ofPlatform().start(() -> loop.execute(() -> ran.add("from another thread")));
            other.join(5_000);

            loop.runReady();
            assertThat(ran).as("execute() must not put the task straight on the ready queue").isEmpty();

            loop.takeSubmissions();
            loop.runReady();
            assertThat(ran).containsExactly("from another thread");
        }
    }

    @Test
    @DisplayName("3.4 a thousand tasks from eight threads need one wake-up, and none is lost")
    void oneWakeupPerBatch() throws Exception {
        try (EventLoop loop = new EventLoop();
             ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Integer> ran = new CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.submit(() -> {
                    go.await();
                    for (int i = 0; i < 125; i++) {
                        int task = thread * 125 + i;
                        loop.execute(() -> ran.add(task));
                    }
                    return null;
                });
            }
            go.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(loop.wakeups()).as("wake-ups for 1000 tasks the loop has not taken yet: one is enough")
                    .isEqualTo(1);
            loop.takeSubmissions();
            loop.runReady();
            assertThat(ran).as("every submitted task ran").hasSize(1000);

            loop.execute(() -> ran.add(-1));
            assertThat(loop.wakeups()).as("after the loop took its work in, the next task must wake it again")
                    .isEqualTo(2);
        }
    }
}
