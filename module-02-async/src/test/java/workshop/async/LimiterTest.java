package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.EarlierTodo;
import workshop.common.JdkHttpServer;
import workshop.common.Overlap;
import workshop.common.TestClient;

@Tag("exercise")
@Tag("step-2.8")
@DisplayName("2.8 the limiter")
class LimiterTest {
    private static final int LIMIT = 5;
    private static final int BURST = 200;

    @Test
    @DisplayName("2.8 with 3 permits, 10 calls start 3 at a time: each finished call lets exactly one waiting call start")
    void startsAtMostTheLimit() throws Exception {
        AsyncLimiter limiter = new AsyncLimiter(3);
        List<CompletableFuture<Integer>> started = new ArrayList<>();
        List<CompletableFuture<Integer>> results = submitAll(10, () -> IntStream.range(0, 10).mapToObj(i -> limiter.submit(() -> {
            CompletableFuture<Integer> call = new CompletableFuture<>();
            started.add(call);
            return call;
        })).toList());

        assertThat(started).as("calls started with 3 permits and 10 callers").hasSize(3);
        assertThat(results).as("results before any call finished").noneMatch(CompletableFuture::isDone);

        started.get(0).complete(0);
        assertThat(results.get(0)).as("the first result").isCompletedWithValue(0);
        assertThat(started).as("calls started after one finished (its permit must go to the next waiting call;"
                + " README.md, step 2.8)").hasSize(4);

        for (int i = 1; i < 10; i++) {
            started.get(i).complete(i);
        }
        assertThat(results).as("every result").allMatch(CompletableFuture::isDone);
        assertThat(results.get(9)).isCompletedWithValue(9);
        assertThat(limiter.availablePermits()).as("permits once every call has finished").isEqualTo(3);
    }

    /**
     * Runs the test's submit() calls on a thread of their own, so that a submit() that waits for a permit on the
     * caller's thread fails the test at once instead of hanging it (that thread is interrupted and left).
     */
    private static <T> T submitAll(int calls, Callable<T> submits) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().daemon().name("limiter-caller").start(() -> {
            try {
                done.complete(submits.call());
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            caller.interrupt();
            throw new AssertionError("submitting " + calls + " calls to a limiter of 3 permits had not returned after 2 s:"
                    + " submit() waits for a permit on the caller's thread (Semaphore.acquire?); a call that must wait"
                    + " goes into a queue and holds no thread, and submit() returns its future at once (README.md, step"
                    + " 2.8)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    @Test
    @DisplayName("2.8 a call that fails, or throws before returning a future, gives its permit back and fails its result")
    void failuresReturnThePermit() {
        AsyncLimiter limiter = new AsyncLimiter(1);

        CompletableFuture<String> failed = limiter.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("down")));
        AtomicReference<CompletableFuture<String>> thrownResult = new AtomicReference<>();
        Throwable escaped = catchThrowable(() -> thrownResult.set(limiter.submit(() -> {
            throw new IllegalStateException("no future");
        })));
        assertThat(escaped).as("what submit() let escape when the call threw instead of returning a future (the"
                + " throw must fail that call's result, and its permit must come back)").isNull();
        CompletableFuture<String> thrown = thrownResult.get();
        CompletableFuture<String> fine = limiter.submit(() -> CompletableFuture.completedFuture("ok"));

        assertThat(failed).as("the failed call's result").isCompletedExceptionally();
        assertThat(thrown).as("the throwing call's result: with 1 permit it starts only once the failed call before it"
                + " has given its permit back, and a call gives its permit back however it ends (README.md, step 2.8)")
                .isCompletedExceptionally();
        assertThat(fine).as("a call after two failures (1 permit): a call gives its permit back however it ends"
                + " (README.md, step 2.8)").isCompletedWithValue("ok");
        assertThat(limiter.availablePermits()).as("permits after two failed calls and one good one (a call gives its permit"
                + " back however it ends; README.md, step 2.8)").isEqualTo(1);
    }

    @Test
    @DisplayName("2.8 a burst of 200 GET /limited/ all answer 200, yet the fragile downstream never sees more than 5 calls at once")
    void burstIsLimitedDownstream() throws Exception {
        try (HttpClient client = Downstream.newClient();
             JdkHttpServer downstream = DownstreamServer.start(new InetSocketAddress("127.0.0.1", 0));
             JdkHttpServer server = AsyncServer.start(new InetSocketAddress("127.0.0.1", 0), AsyncServer.DEFAULT_DEADLINE,
                     Downstream.at(client, downstream.uri())
                             .withFragile(downstream.uri().resolve("/part/?name=fragile&ms=20"), LIMIT));
             TestClient test = new TestClient(server.uri())) {
            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, BURST)
                    .mapToObj(i -> test.getAsync("/limited/")).toList();

            awaitTheBurstMovesOn(downstream, replies);
            for (CompletableFuture<TestClient.Reply> reply : replies) {
                TestClient.Reply answer = EarlierTodo.check("2.8",
                        "sends GET /limited/, which runs your fetch() (2.6) through your adapter (2.3, 2.4)",
                        reply.orTimeout(30, TimeUnit.SECONDS).join());
                assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("{\"fragile\": \"ready after 20 ms\"}");
            }
            Overlap.awaitFinished(downstream.counter(), BURST, Duration.ofSeconds(5));
            Overlap.assertNeverMoreThan(downstream.counter(), LIMIT);
            assertThat(downstream.counter().maxInFlight()).as("most downstream calls at once (the limit is %d, not 1)", LIMIT)
                    .isGreaterThan(1);
            assertThat(server.counter().maxInFlight()).as("requests waiting at once in our server, holding no thread")
                    .isGreaterThan(LIMIT);
        }
    }

    /**
     * Waits until the fragile service has seen the whole burst, or every reply is in; fails at once when neither
     * happens and no call has reached the service for 3 s (permits that never come back stop the burst for good,
     * and the waiting requests would only end at the server's 15 s deadline).
     */
    private static void awaitTheBurstMovesOn(JdkHttpServer downstream, List<CompletableFuture<TestClient.Reply>> replies) {
        int[] lastCalls = {-1};
        long[] lastChange = {System.nanoTime()};
        await("the fragile service to see all " + BURST + " calls of the burst").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10)).until(() -> {
                    int calls = downstream.counter().started();
                    if (calls >= BURST || replies.stream().allMatch(CompletableFuture::isDone)) {
                        return true;
                    }
                    if (calls != lastCalls[0]) {
                        lastCalls[0] = calls;
                        lastChange[0] = System.nanoTime();
                    }
                    return System.nanoTime() - lastChange[0] > Duration.ofSeconds(3).toNanos();
                });
        int calls = downstream.counter().started();
        if (calls < BURST && !replies.stream().allMatch(CompletableFuture::isDone)) {
            long answered = replies.stream().filter(CompletableFuture::isDone).count();
            throw new AssertionError(String.format("the fragile service saw %d of the %d calls, and then no new call for"
                    + " 3 s, with %d of %d requests answered: the waiting calls never start. Does each call give its"
                    + " permit back when its future completes, and start the next waiting call? (README.md, step 2.8)",
                    calls, BURST, answered, BURST));
        }
    }
}
