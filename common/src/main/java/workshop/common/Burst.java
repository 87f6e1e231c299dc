package workshop.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends N requests at once, as N clients would, and waits for every answer. */
public final class Burst {
    private Burst() {
    }

    /** What the clients saw: wall time from the first send to the last answer, and the statuses. */
    public record Result(double wallMs, int ok, int failed) {
    }

    /** Fires {@code count} GET requests at {@code uri}; each must answer within {@code timeout}. */
    public static Result fire(URI uri, int count, Duration timeout) {
        try (HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build()) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            long start = System.nanoTime();
            List<CompletableFuture<Integer>> answers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode)
                        .exceptionally(failure -> -1));
            }
            int ok = 0;
            for (CompletableFuture<Integer> answer : answers) {
                if (answer.join() == 200) {
                    ok++;
                }
            }
            double wallMs = (System.nanoTime() - start) / 1_000_000.0;
            return new Result(wallMs, ok, count - ok);
        }
    }
}
