package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.common.EarlierTodo;
import workshop.common.InFlightCounter;
import workshop.common.JdkHttpServer;
import workshop.common.Overlap;
import workshop.common.TestClient;
import workshop.common.Timeline;

@Tag("exercise")
@Tag("step-1.5")
@DisplayName("1.5 a fixed pool")
class FixedPoolTest {
    private static final int POOL = 4;

    @Test
    @DisplayName("1.5 fixed pool of 4: the 5th request waits until one of the first 4 has finished")
    void theExtraRequestWaitsForAFreeThread() throws Exception {
        EarlierTodo.mustBeGreen("1.5", "sends GET /slow/ requests, which run your slow() (1.3) and parseMillis() (1.2)",
                () -> SyncEndpoints.slow(Map.of("ms", "0")));
        try (JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), ServerExecutors.fixedPool(POOL));
             TestClient client = new TestClient(server.uri())) {
            List<CompletableFuture<TestClient.Reply>> first = IntStream.range(0, POOL)
                    .mapToObj(i -> client.getAsync("/slow/?ms=2000")).toList();
            Overlap.awaitInFlight(server.counter(), POOL, Duration.ofSeconds(8), "fixedPool(" + POOL + ")"); // every pool thread is asleep now

            TestClient.Reply extra = client.get("/slow/?ms=0");

            assertThat(extra.status()).as("the 5th request answered: %s", extra).isEqualTo(200);
            first.forEach(reply -> assertThat(reply.join().status()).isEqualTo(200));
            List<InFlightCounter.Span> spans = server.counter().spans();
            double firstFreeThread = spans.stream().filter(s -> s.id() < POOL)
                    .mapToDouble(InFlightCounter.Span::endMs).min().orElseThrow();
            InFlightCounter.Span fifth = spans.stream().filter(s -> s.id() == POOL).findFirst().orElseThrow();
            double origin = spans.get(0).startMs();
            assertThat(fifth.startMs() >= firstFreeThread)
                    .as("the 5th request started at %.0f ms, but the first pool thread was only free at %.0f ms:%n%s",
                            fifth.startMs() - origin, firstFreeThread - origin, Timeline.render(spans, 10))
                    .isTrue();
            Overlap.assertNeverMoreThan(server.counter(), POOL);
            assertThat(server.counter().threadsUsed()).as("threads used by a pool of %d", POOL).isLessThanOrEqualTo(POOL);
        }
    }

    @DisplayName("1.5 fixedPool(n) runs exactly n tasks at once, on n platform threads, and queues the rest")
    @ParameterizedTest(name = "fixedPool({0})")
    @ValueSource(ints = {3, 7})
    void exactlyNThreads(int size) throws Exception {
        ExecutorService pool = ServerExecutors.fixedPool(size);
        int submitted = size + 2;
        // The tasks wait on a future, as a handler waits for a slow call's result: a pool must not grow for that.
        CompletableFuture<Void> release = new CompletableFuture<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger virtual = new AtomicInteger();
        Set<Long> threadIds = ConcurrentHashMap.newKeySet();
        try {
            for (int task = 0; task < submitted; task++) {
                pool.execute(() -> {
                    running.incrementAndGet();
                    threadIds.add(Thread.currentThread().threadId());
                    if (Thread.currentThread().isVirtual()) {
                        virtual.incrementAndGet();
                    }
                    try {
                        release.get(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        // released or given up: the task ends either way
                    }
                });
            }
            try {
                await("fixedPool(" + size + ") to start " + size + " tasks at once").atMost(Duration.ofSeconds(2))
                        .pollInterval(Duration.ofMillis(10)).until(() -> running.get() >= size);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(String.format("expected fixedPool(%d) to run %d tasks at once, but only %d of the"
                        + " %d submitted started%s (README.md, step 1.5)", size, size, running.get(), submitted,
                        whyTooFew(pool, size)));
            }
            long end = System.nanoTime() + Duration.ofMillis(300).toNanos();
            while (System.nanoTime() < end && running.get() <= size) { // the extra tasks must stay queued
                Thread.sleep(10);
            }
            assertThat(running.get())
                    .as("tasks running at once in fixedPool(%d), with %d submitted: it must run %d and queue the rest%s"
                            + " (README.md, step 1.5)", size, submitted, size, whyTooMany(pool))
                    .isEqualTo(size);
            release.complete(null);
            try {
                await("the queued tasks to run once threads are free").atMost(Duration.ofSeconds(5))
                        .pollInterval(Duration.ofMillis(10)).until(() -> running.get() == submitted);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(String.format("fixedPool(%d) ran only %d of its %d tasks, 5 s after the first %d"
                        + " were released: the queued tasks must run once a thread is free (README.md, step 1.5)",
                        size, running.get(), submitted, size));
            }
            assertThat(threadIds).as("threads of fixedPool(%d) that ran its %d tasks", size, submitted).hasSize(size);
            assertThat(virtual.get()).as("tasks that ran on virtual threads (1.5 asks for platform threads)").isZero();
        } finally {
            release.complete(null);
            pool.shutdownNow();
        }
    }

    /** Why a pool started fewer tasks than its size, when its kind tells. */
    private static String whyTooFew(ExecutorService pool, int size) {
        if (pool instanceof ThreadPoolExecutor tpe && tpe.getCorePoolSize() < size) {
            return String.format(": its ThreadPoolExecutor has a core size of %d, and a pool grows past its core size only"
                    + " when its queue is full (a LinkedBlockingQueue without a capacity never is), so the other tasks"
                    + " wait in the queue for those %d thread(s); make the core size %d too", tpe.getCorePoolSize(),
                    tpe.getCorePoolSize(), size);
        }
        return "";
    }

    /** Why a pool ran more tasks than its size, when its kind tells. */
    private static String whyTooMany(ExecutorService pool) {
        if (pool instanceof ForkJoinPool) {
            return ". This is a ForkJoinPool (Executors.newWorkStealingPool is one): when its tasks block on a future it"
                    + " starts spare threads beyond its parallelism, so it caps no blocking calls; use a pool with a fixed"
                    + " number of platform threads";
        }
        return "";
    }
}
