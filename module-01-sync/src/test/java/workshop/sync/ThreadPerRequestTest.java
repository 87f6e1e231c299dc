package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.EarlierTodo;
import workshop.common.JdkHttpServer;
import workshop.common.Overlap;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-1.4")
@DisplayName("1.4 a thread per request")
class ThreadPerRequestTest {
    private static final int REQUESTS = 20;
    private static final int TASKS = 25;

    @Test
    @DisplayName("1.4 thread per request: 20 sleeping /slow/ requests are all in flight at once, on 20 threads")
    void everyRequestGetsItsOwnThread() throws Exception {
        EarlierTodo.mustBeGreen("1.4", "sends GET /slow/ requests, which run your slow() (1.3) and parseMillis() (1.2)",
                () -> SyncEndpoints.slow(Map.of("ms", "0")));
        JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), ServerExecutors.threadPerRequest());
        try (server; TestClient client = new TestClient(server.uri())) {
            for (int i = 0; i < REQUESTS; i++) {
                client.getAsync("/slow/?ms=" + SyncEndpoints.MAX_MS); // each one sleeps until close() wakes it
            }

            Overlap.awaitInFlight(server.counter(), REQUESTS, Duration.ofSeconds(8), "threadPerRequest()");
        }
        assertThat(server.counter().threadsUsed()).as("threads that ran the %d requests", REQUESTS).isEqualTo(REQUESTS);
    }

    @Test
    @DisplayName("1.4 thread per request starts a new platform thread for each task and lets it end with its task")
    void aNewPlatformThreadEveryTime() throws Exception {
        ExecutorService executor = ServerExecutors.threadPerRequest();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int task = 0; task < TASKS; task++) { // one after another: a pool with an idle thread would hand it out again
                Thread thread = executor.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
                assertThat(thread.isVirtual())
                        .as("1.4 asks for platform threads, but %s is virtual (README.md, step 1.4)", thread).isFalse();
                threads.add(thread);
            }
            long distinct = threads.stream().mapToLong(Thread::threadId).distinct().count();
            assertThat(distinct)
                    .as("%d tasks submitted one after another ran on only %d thread(s): the executor reused its idle"
                            + " threads, as a pool does; a thread per request starts a new thread for every task"
                            + " (README.md, step 1.4)", TASKS, distinct)
                    .isEqualTo(TASKS);
            // A pool, even a big one (newFixedThreadPool(100)), also starts a new thread per task up to its size,
            // but it keeps each thread waiting for the next task; a thread per request ends with its task.
            try {
                await("the " + TASKS + " threads to end once their task is done").atMost(Duration.ofSeconds(2))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> threads.stream().noneMatch(Thread::isAlive));
            } catch (ConditionTimeoutException e) {
                List<Thread> alive = threads.stream().filter(Thread::isAlive).toList();
                throw new AssertionError(String.format("%d of the %d threads that ran a task were still alive 2 s after"
                        + " their task ended (%s is %s): they wait for more work, so this executor is a pool that keeps"
                        + " its threads; a thread per request starts a new thread for each task, and the thread ends with"
                        + " its task (README.md, step 1.4)", alive.size(), TASKS, alive.get(0).getName(),
                        alive.get(0).getState()));
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
