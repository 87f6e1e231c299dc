package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@link CompletableFuture#allOf} does when a call fails: it still waits for every other call,
 * then fails with a {@link CompletionException} around the cause. Python's {@code asyncio.gather}
 * raises the first failure at once; in Java, failing fast takes a future of your own.
 */
@Tag("demo")
@Tag("step-2.7")
@DisplayName("2.7 allOf when a call fails")
class AllOfFailureTest {
    private static final DownstreamException FAILURE = new DownstreamException(502, "/fail/ answered 500");

    @Test
    @DisplayName("2.7 allOf waits for the slowest call even after another has failed, then fails with a CompletionException")
    void allOfWaitsForEveryCall() {
        CompletableFuture<String> failed = CompletableFuture.failedFuture(FAILURE);
        CompletableFuture<String> slowest = new CompletableFuture<>(); // still on the wire

        CompletableFuture<Void> all = CompletableFuture.allOf(failed, slowest);

        assertThat(all).as("allOf while one call has failed and the other is still running").isNotDone();

        slowest.complete("{\"news\": \"ready\"}");

        Throwable thrown = catchThrowable(all::join);
        assertThat(thrown).as("what allOf failed with, once every call had finished").isInstanceOf(CompletionException.class);
        assertThat(Failures.unwrap(thrown)).as("the cause inside it, as 2.3's Failures.unwrap finds it").isSameAs(FAILURE);
    }

    @Test
    @DisplayName("2.7 failing fast, like asyncio.gather, takes a future that the first failing call completes")
    void failFastNeedsAFutureOfYourOwn() {
        CompletableFuture<String> failed = CompletableFuture.failedFuture(FAILURE);
        CompletableFuture<String> slowest = new CompletableFuture<>();
        List<CompletableFuture<String>> calls = List.of(failed, slowest);

        CompletableFuture<Void> failFast = new CompletableFuture<>();
        calls.forEach(call -> call.whenComplete((body, failure) -> {
            if (failure != null) {
                failFast.completeExceptionally(failure);
            }
        }));
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenRun(() -> failFast.complete(null));

        assertThat(failFast).as("the fail-fast future while the slowest call is still running").isCompletedExceptionally();
        assertThat(Failures.unwrap(catchThrowable(failFast::join))).as("its cause").isSameAs(FAILURE);
        assertThat(slowest).as("the slowest call, which nobody cancelled (gather does not cancel either)").isNotDone();
    }
}
