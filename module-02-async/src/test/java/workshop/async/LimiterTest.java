package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
    void startsAtMostTheLimit() {
        AsyncLimiter limiter = new AsyncLimiter(3);
        List<CompletableFuture<Integer>> started = new ArrayList<>();
        List<CompletableFuture<Integer>> results = IntStream.range(0, 10).mapToObj(i -> limiter.submit(() -> {
            CompletableFuture<Integer> call = new CompletableFuture<>();
            started.add(call);
            return call;
        })).toList();

        assertThat(started).as("calls started with 3 permits and 10 callers").hasSize(3);
        assertThat(results).as("results before any call finished").noneMatch(CompletableFuture::isDone);

        started.get(0).complete(0);
        assertThat(results.get(0)).as("the first result").isCompletedWithValue(0);
        assertThat(started).as("calls started after one finished").hasSize(4);

        for (int i = 1; i < 10; i++) {
            started.get(i).complete(i);
        }
        assertThat(results).as("every result").allMatch(CompletableFuture::isDone);
        assertThat(results.get(9)).isCompletedWithValue(9);
        assertThat(limiter.availablePermits()).as("permits once every call has finished").isEqualTo(3);
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
        assertThat(thrown).as("the throwing call's result").isCompletedExceptionally();
        assertThat(fine).as("a call after two failures (1 permit)").isCompletedWithValue("ok");
        assertThat(limiter.availablePermits()).isEqualTo(1);
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

            for (CompletableFuture<TestClient.Reply> reply : replies) {
                TestClient.Reply answer = EarlierSteps.check("2.8",
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
}
