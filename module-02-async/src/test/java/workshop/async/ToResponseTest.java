package workshop.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.BadRequestException;
import workshop.common.JsonResponse;

@Tag("exercise")
@Tag("step-2.3")
@DisplayName("2.3 toResponse")
class ToResponseTest {

    @Test
    @DisplayName("2.3 no failure: the handler's own answer goes out unchanged")
    void answerPassesThrough() {
        JsonResponse answer = new JsonResponse(201, "{\"message\": \"made\"}");

        assertThat(AsyncAdapter.toResponse(answer, null)).isEqualTo(answer);
    }

    @Test
    @DisplayName("2.3 a BadRequestException, even wrapped in a CompletionException, is a 400 with its message")
    void badRequestIs400() {
        JsonResponse response = AsyncAdapter.toResponse(null,
                new CompletionException(new BadRequestException("ms must be a number")));

        assertThat(response).as("response for a BadRequestException wrapped in a CompletionException: look at the real"
                        + " cause, under the wrapper (Failures.unwrap; README.md, step 2.3)")
                .isEqualTo(JsonResponse.error(400, "ms must be a number"));
    }

    @Test
    @DisplayName("2.3 a DownstreamException keeps its own status (502, 504) and message")
    void downstreamKeepsItsStatus() {
        JsonResponse response = AsyncAdapter.toResponse(null,
                new CompletionException(new DownstreamException(502, "http://x/ answered 500")));

        assertThat(response).as("response").isEqualTo(JsonResponse.error(502, "http://x/ answered 500"));
    }

    @Test
    @DisplayName("2.3 a DownstreamException of 504 (a part too slow) stays a 504, not a 502")
    void downstreamTimeoutKeeps504() {
        JsonResponse response = AsyncAdapter.toResponse(null,
                new CompletionException(new DownstreamException(504, "http://x/ did not answer within 300 ms")));

        assertThat(response).as("response for a DownstreamException with status 504: use the exception's own status"
                        + " (README.md, step 2.3)")
                .isEqualTo(JsonResponse.error(504, "http://x/ did not answer within 300 ms"));
    }

    @Test
    @DisplayName("2.3 a missed deadline (TimeoutException) is a 504 with a JSON error")
    void timeoutIs504() {
        JsonResponse response = AsyncAdapter.toResponse(null, new TimeoutException());

        assertThat(response.status()).as("status for a TimeoutException, which answered %s: a missed deadline is a 504"
                + " (README.md, step 2.3)", response).isEqualTo(504);
        assertThat(response.body()).startsWith("{\"error\": ");
    }

    @Test
    @DisplayName("2.3 any other failure is a 500 that names the exception and its message")
    void anythingElseIs500() {
        JsonResponse response = AsyncAdapter.toResponse(null,
                new CompletionException(new IllegalStateException("the database is gone")));

        assertThat(response.status()).as("status for %s", response).isEqualTo(500);
        assertThat(response.body()).startsWith("{\"error\": ").contains("IllegalStateException", "the database is gone");
    }
}
