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

    /** What the clients saw: wall time from the first send to the last answer, the statuses, and the first error. */
    public record Result(double wallMs, int ok, int failed, String firstError) {
    }

    /** Fires {@code count} GET requests at {@code uri}; each must answer within {@code timeout}. */
    public static Result fire(URI uri, int count, Duration timeout) {
        try (HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build()) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            long start = System.nanoTime();
            List<CompletableFuture<String>> answers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> r.statusCode() == 200 ? "" : "HTTP " + r.statusCode() + " " + r.body())
                        .exceptionally(failure -> String.valueOf(failure.getCause() != null ? failure.getCause() : failure)));
            }
            int ok = 0;
            String firstError = "";
            for (CompletableFuture<String> answer : answers) {
                String error = answer.join();
                if (error.isEmpty()) {
                    ok++;
                } else if (firstError.isEmpty()) {
                    firstError = error;
                }
            }
            double wallMs = (System.nanoTime() - start) / 1_000_000.0;
            return new Result(wallMs, ok, count - ok, firstError);
        }
    }
}
