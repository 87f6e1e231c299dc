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
     * 2.6 GETs {@code uri} with {@link HttpClient#sendAsync}, giving up after {@code timeout}, and
     * returns at once a future that completes with the response body when the status is 200.
     * Otherwise the future fails with a {@link DownstreamException} whose message names {@code uri}:
     * <ul>
     *   <li>504 when the call timed out ({@link java.net.http.HttpTimeoutException});</li>
     *   <li>502 for any other status, or when the server cannot be reached.</li>
     * </ul>
     */
    public static CompletableFuture<String> fetch(HttpClient client, URI uri, Duration timeout) {
        throw new UnsupportedOperationException(
                "TODO 2.6: send the GET with sendAsync and map its outcome in fetch() in "
                        + "src/exercise/java/workshop/async/FanOut.java (README.md, step 2.6)");
    }

    /**
     * 2.7 Fetches every part <em>at once</em> and answers 200 with their JSON objects merged into
     * one ({@link JsonObjects#merge}, given), in the order of {@code parts}: the Java
     * {@code asyncio.gather} when every part succeeds. All the calls are on their way before any of
     * them is waited for, so the answer takes about as long as the slowest part, not the sum.
     * If a part fails, the answer fails with that part's {@link DownstreamException}, which your 2.3
     * mapping turns into its status.
     */
    public static CompletableFuture<JsonResponse> aggregate(HttpClient client, List<URI> parts, Duration timeout) {
        throw new UnsupportedOperationException(
                "TODO 2.7: fetch every part at once and merge the answers in aggregate() in "
                        + "src/exercise/java/workshop/async/FanOut.java (README.md, step 2.7)");
    }
}
