package workshop.async;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import workshop.common.JsonResponse;

/**
 * YOUR ROOM, part 5: calling other servers without waiting for them, as the lesson's
 * {@code httpx.AsyncClient} does. {@link HttpClient#sendAsync} returns a future at once; the
 * answer arrives later, and no thread of ours sits waiting for it.
 */
public final class FanOut {
    private FanOut() {
    }

    /**
     * 2.6 GETs {@code uri} with {@link HttpClient#sendAsync} (the request carries {@code timeout},
     * see {@link java.net.http.HttpRequest.Builder#timeout}) and completes with the response body
     * when the status is 200. Otherwise the future fails with a {@link DownstreamException}:
     * <ul>
     *   <li>504 when the call timed out ({@link java.net.http.HttpTimeoutException});</li>
     *   <li>502 for any other status or failure, with a message that names {@code uri}.</li>
     * </ul>
     * {@link CompletableFuture#handle} sees both outcomes; throwing inside it fails the future.
     */
    public static CompletableFuture<String> fetch(HttpClient client, URI uri, Duration timeout) {
        throw new UnsupportedOperationException(
                "TODO 2.6: send the GET with sendAsync and map its outcome in fetch() in "
                        + "src/exercise/java/workshop/async/FanOut.java (README.md, step 2.6)");
    }

    /**
     * 2.7 Fetches every part <em>at once</em> and answers 200 with their JSON objects merged into
     * one ({@link JsonObjects#merge}), in the order of {@code parts}: the Java {@code asyncio.gather}
     * when every part succeeds. Start all the calls first, then wait for all of them with
     * {@link CompletableFuture#allOf}; it should take about as long as the slowest part, not the sum.
     * If a part fails, {@code allOf} still waits for the others, then fails with that part's
     * {@link DownstreamException} inside a {@link java.util.concurrent.CompletionException}, which
     * your 2.3 mapping unwraps. ({@code gather} would raise the first failure at once.)
     */
    public static CompletableFuture<JsonResponse> aggregate(HttpClient client, List<URI> parts, Duration timeout) {
        throw new UnsupportedOperationException(
                "TODO 2.7: fetch every part at once and merge the answers in aggregate() in "
                        + "src/exercise/java/workshop/async/FanOut.java (README.md, step 2.7)");
    }
}
