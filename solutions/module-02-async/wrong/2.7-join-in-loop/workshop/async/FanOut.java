package workshop.async;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import workshop.common.JsonResponse;

/** KNOWN MISTAKE (2.7-join-in-loop): calling other servers without waiting for them, the Java {@code httpx.AsyncClient}. */
public final class FanOut {
    private FanOut() {
    }

    /** 2.6 GETs {@code uri} without blocking: its body on 200; 502 or 504 as a {@link DownstreamException}. */
    public static CompletableFuture<String> fetch(HttpClient client, URI uri, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = Failures.unwrap(failure);
                        if (cause instanceof HttpTimeoutException) {
                            throw new DownstreamException(504, uri + " did not answer within " + timeout.toMillis() + " ms");
                        }
                        throw new DownstreamException(502, uri + " could not be reached: " + cause);
                    }
                    if (response.statusCode() != 200) {
                        throw new DownstreamException(502, uri + " answered " + response.statusCode() + ": " + response.body());
                    }
                    return response.body();
                });
    }

    /**
     * 2.7 Calls every part at once and merges their JSON objects: as slow as the slowest, not the sum.
     * A failed part fails the answer only once every part has finished ({@code allOf} waits for all).
     */
    public static CompletableFuture<JsonResponse> aggregate(HttpClient client, List<URI> parts, Duration timeout) {
        List<CompletableFuture<String>> calls = parts.stream()
                .map(part -> fetch(client, part, timeout))
                .toList(); // every call is on the wire at once, but then the caller waits for them
        try {
            return CompletableFuture.completedFuture(new JsonResponse(200,
                    JsonObjects.merge(calls.stream().map(CompletableFuture::join).toList())));
        } catch (CompletionException e) {
            return CompletableFuture.failedFuture(e.getCause());
        }
    }
}
