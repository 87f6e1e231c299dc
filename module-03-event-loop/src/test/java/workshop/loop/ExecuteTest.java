package workshop.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
            assertThat(ran).as("tasks run after takeSubmissions and runReady: the task another thread handed in with"
                    + " execute() (README.md, step 3.4)").containsExactly("from another thread");
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

            assertThat(loop.wakeups()).as("wake-ups for 1000 tasks the loop has not taken yet: one is enough, the"
                            + " selector wakes up once and the loop takes them all in; wakeupPending says whether one is on"
                            + " its way (README.md, step 3.4)")
                    .isEqualTo(1);
            loop.takeSubmissions();
            loop.runReady();
            assertThat(ran).as("tasks run after one takeSubmissions and runReady: every one of the 1000 submitted"
                    + " (README.md, step 3.4)").hasSize(1000);

            loop.execute(() -> ran.add(-1));
            assertThat(loop.wakeups()).as("wake-ups after the loop took its work in and one more task came: the next task"
                            + " must wake it again, so takeSubmissions must let the next submission wake the selector"
                            + " (README.md, step 3.4)")
                    .isEqualTo(2);
            System.out.println("3.4 1000 tasks from 8 threads: 1 wake-up, then " + ran.size() + " tasks ran; one more "
                    + "task after the loop took them in: wake-up number " + loop.wakeups());
        }
    }

    @Test
    @DisplayName("3.4 a task handed in while takeSubmissions drains the queue is taken in, or wakes the selector: no wake-up is lost")
    void noWakeupIsLost() throws Exception {
        EarlierSteps.mustBeGreen("3.4", "plays the loop: it runs the tasks it took in", "3.1");
        try (EventLoop loop = new EventLoop()) {
            List<String> ran = new CopyOnWriteArrayList<>();
            // Another thread's execute() at the worst moment, played on this thread (the loop is not started, so this
            // thread counts as "another thread"): just as takeSubmissions finds the queue empty.
            DrainWatcher late = DrainWatcher.install(loop, () -> loop.execute(() -> ran.add("late")));
            loop.execute(() -> ran.add("early"));
            long wakeupsBefore = loop.wakeups();

            late.arm();
            loop.takeSubmissions();
            late.fireIfNotYet(); // a takeSubmissions that never looked for an empty queue: the task comes right after it
            loop.runReady();

            boolean takenIn = ran.contains("late");
            long wakeups = loop.wakeups() - wakeupsBefore;
            assertThat(takenIn || wakeups > 0).as("the task handed in %s was left in submissions with no wake-up on its"
                            + " way: its execute() saw wakeupPending still true, so it did not wake the selector, and then"
                            + " takeSubmissions set it to false. A loop blocked in select would never run that task. Let the"
                            + " next submission wake the selector before you take the tasks in, not after (README.md, step 3.4)",
                    late.when())
                    .isTrue();
            System.out.println("3.4 a task handed in " + late.when() + ": " + (takenIn ? "taken in by the same takeSubmissions"
                    : "left for the next turn, and it woke the selector (" + wakeups + " wake-up)"));
        }
    }

    /**
     * Watches the loop's {@code submissions} queue (the field the starter declares) and runs {@code submit}, once
     * armed, the first time the loop finds it empty: poll() or peek() gives null, isEmpty() says true, or size() is
     * asked. That is the moment between "drained" and whatever takeSubmissions does next.
     */
    private static final class DrainWatcher extends ConcurrentLinkedQueue<Runnable> {
        private final transient Runnable submit;
        private boolean armed;
        private String when = "";

        private DrainWatcher(Runnable submit) {
            this.submit = submit;
        }

        static DrainWatcher install(EventLoop loop, Runnable submit) {
            DrainWatcher watcher = new DrainWatcher(submit);
            try {
                Field field = EventLoop.class.getDeclaredField("submissions");
                field.setAccessible(true);
                field.set(loop, watcher);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new AssertionError("this test watches the field the starter declares, private final"
                        + " ConcurrentLinkedQueue<Runnable> submissions, and could not: " + e + ". Keep that field for the"
                        + " tasks other threads hand in (README.md, step 3.4)", e);
            }
            return watcher;
        }

        void arm() {
            armed = true;
        }

        String when() {
            return when;
        }

        void fireIfNotYet() {
            fire("right after takeSubmissions returned");
        }

        private void fire(String moment) {
            if (armed) {
                armed = false;
                when = moment;
                submit.run();
            }
        }

        @Override
        public Runnable poll() {
            Runnable task = super.poll();
            if (task == null) {
                fire("just as takeSubmissions found the queue empty (poll() gave null)");
            }
            return task;
        }

        @Override
        public Runnable peek() {
            Runnable task = super.peek();
            if (task == null) {
                fire("just as takeSubmissions found the queue empty (peek() gave null)");
            }
            return task;
        }

        @Override
        public boolean isEmpty() {
            boolean empty = super.isEmpty();
            if (empty) {
                fire("just as takeSubmissions found the queue empty (isEmpty() said true)");
            }
            return empty;
        }

        @Override
        public int size() {
            int size = super.size();
            fire("just as takeSubmissions counted the queue (size() said " + size + ")");
            return size;
        }
    }
}
