package workshop.loop.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import workshop.common.Json;
import workshop.common.JsonResponse;

/**
 * A status, a content type, a body, and any extra header fields. The server adds
 * {@code Content-Length}, {@code Date} and {@code Connection} itself.
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public Response {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is a number from 100 to 599, got " + status);
        }
    }

    public static Response json(int status, String json) {
        return new Response(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response of(JsonResponse response) {
        return json(response.status(), response.body());
    }

    /** 200 with {"key": "value"}. */
    public static Response ok(String key, String value) {
        return json(200, Json.of(key, value));
    }

    /** An error status with {"error": "..."}. */
    public static Response error(int status, String message) {
        return json(status, Json.error(message));
    }

    /** The same answer with one more header field. */
    public Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(more));
    }

    /** This answer as an already completed future, for handlers that answer at once. */
    public CompletableFuture<Response> now() {
        return CompletableFuture.completedFuture(this);
    }
}
