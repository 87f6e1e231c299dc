package workshop.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An HTTP/1.1 client for tests: every call is bounded, every answer keeps its status and body. */
public final class TestClient implements AutoCloseable {
    /** Long enough for a loaded laptop, short enough that a hang ends the test, not the build. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final URI base;

    /** What a server answered, printed in full when an assertion about it fails. */
    public record Reply(int status, String contentType, String body) {
        @Override
        public String toString() {
            return "HTTP " + status + " (" + contentType + ") " + body;
        }
    }

    public TestClient(URI base) {
        this.base = base;
    }

    public Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery);
    }

    public Reply send(String method, String pathAndQuery) {
        try {
            return sendAsync(method, pathAndQuery).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + method + " " + pathAndQuery, e);
        } catch (ExecutionException e) {
            throw new AssertionError(method + " " + pathAndQuery + " got no answer: " + e.getCause(), e.getCause());
        }
    }

    public CompletableFuture<Reply> getAsync(String pathAndQuery) {
        return sendAsync("GET", pathAndQuery);
    }

    public CompletableFuture<Reply> sendAsync(String method, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Reply(r.statusCode(),
                        r.headers().firstValue("Content-Type").orElse("none"), r.body()));
    }

    @Override
    public void close() {
        client.shutdownNow();
        client.close();
    }

    /** The answer to {@code GET path}, or a failure that says the server did not answer within {@code atMost}. */
    public Reply getWithin(String path, Duration atMost, String why) {
        CompletableFuture<Reply> reply = getAsync(path);
        try {
            return reply.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new AssertionError("GET " + path + " got no answer within " + atMost.toMillis() + " ms: " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for GET " + path, e);
        } catch (ExecutionException e) {
            throw new AssertionError("GET " + path + " got no answer: " + e.getCause(), e.getCause());
        }
    }
}
