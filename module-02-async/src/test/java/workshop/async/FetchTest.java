package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.JdkHttpServer;
import workshop.common.Millis;

@Tag("exercise")
@Tag("step-2.6")
@DisplayName("2.6 fetch")
class FetchTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The failure of {@code call}, which must be a {@link DownstreamException}, waited for at most 10 s. */
    private static DownstreamException failureOf(CompletableFuture<String> call) {
        return failureOf(call, Duration.ofSeconds(10));
    }

    /** The failure of {@code call}, which must be a {@link DownstreamException}, waited for at most {@code atMost}. */
    private static DownstreamException failureOf(CompletableFuture<String> call, Duration atMost) {
        Throwable failure;
        try {
            failure = call.handle((body, error) -> error).get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new AssertionError("the fetch had neither answered nor failed after " + atMost.toMillis() + " ms: does"
                    + " fetch() give its timeout to the request it sends? (README.md, step 2.6)");
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("waiting for the fetch: " + e, e);
        }
        assertThat(failure).as(() -> "the fetch should fail with a DownstreamException, but it completed with "
                + call.join() + " (README.md, step 2.6)").isNotNull();
        Throwable cause = Failures.unwrap(failure);
        assertThat(cause).as("the failure of the fetch (README.md, step 2.6: fail it with a DownstreamException)")
                .isInstanceOf(DownstreamException.class);
        return (DownstreamException) cause;
    }

    @Test
    @DisplayName("2.6 fetch() returns a future at once and completes with the body of a 200")
    void bodyOfA200() throws Exception {
        try (HttpClient client = Downstream.newClient();
             JdkHttpServer downstream = DownstreamServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            CompletableFuture<String> call = FanOut.fetch(client, downstream.uri().resolve("/part/?name=weather&ms=300"), TIMEOUT);

            assertThat(call).as("the fetch of a 300 ms part, right after fetch() returned: it must return at once and"
                    + " complete later (sendAsync, not send; README.md, step 2.6)").isNotDone();
            assertThat(call.orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo("{\"weather\": \"ready after 300 ms\"}");
        }
    }

    @Test
    @DisplayName("2.6 a downstream that answers 500 makes the fetch fail with a 502 that names it")
    void failingDownstreamIs502() throws Exception {
        try (HttpClient client = Downstream.newClient();
             JdkHttpServer downstream = DownstreamServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            DownstreamException failure = failureOf(FanOut.fetch(client, downstream.uri().resolve("/fail/"), TIMEOUT));

            assertThat(failure.status()).as("status for %s", failure.getMessage()).isEqualTo(502);
            assertThat(failure.getMessage()).contains("/fail/");
        }
    }

    @Test
    @DisplayName("2.6 a downstream slower than the timeout makes the fetch fail with a 504 soon after the timeout")
    void slowDownstreamIs504() throws Exception {
        try (HttpClient client = Downstream.newClient();
             JdkHttpServer downstream = DownstreamServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            long start = System.nanoTime();
            DownstreamException failure = failureOf(FanOut.fetch(client,
                    downstream.uri().resolve("/part/?name=sloth&ms=" + Millis.MAX_MS), Duration.ofMillis(300)),
                    Duration.ofSeconds(3));
            double tookMs = (System.nanoTime() - start) / 1e6;

            assertThat(failure.status()).as("status for %s (a call that timed out is a 504, its cause an"
                    + " HttpTimeoutException; README.md, step 2.6)", failure.getMessage()).isEqualTo(504);
            assertThat(tookMs).as("ms until the fetch gave up (timeout 300 ms, downstream 10,000 ms)").isLessThan(5_000);
        }
    }

    @Test
    @DisplayName("2.6 a downstream that is not there at all makes the fetch fail with a 502")
    void unreachableDownstreamIs502() throws Exception {
        URI gone;
        try (JdkHttpServer closed = DownstreamServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            gone = closed.uri().resolve("/part/?name=ghost&ms=0");
        }
        try (HttpClient client = Downstream.newClient()) {
            DownstreamException failure = failureOf(FanOut.fetch(client, gone, TIMEOUT));

            assertThat(failure.status()).as("status for %s", failure.getMessage()).isEqualTo(502);
            assertThat(failure.getMessage()).contains(gone.toString());
        }
    }
}
