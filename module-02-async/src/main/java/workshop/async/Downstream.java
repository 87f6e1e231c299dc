package workshop.async;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * Where and how the async server calls other servers.
 *
 * @param client       the one shared HTTP client (like one {@code httpx.AsyncClient} for the whole app)
 * @param parts        what {@code GET /aggregate/} calls, all at once
 * @param fragile      what {@code GET /limited/} calls, never more than {@code fragileLimit} at once
 * @param fragileLimit how many calls the fragile service can take at the same time
 * @param timeout      how long one call may take before we answer 504
 */
public record Downstream(HttpClient client, List<URI> parts, URI fragile, int fragileLimit, Duration timeout) {

    /** The defaults against a {@link DownstreamServer} at {@code base}: three parts of 100, 200 and 300 ms. */
    public static Downstream at(HttpClient client, URI base) {
        return new Downstream(client,
                List.of(base.resolve("/part/?name=weather&ms=100"), base.resolve("/part/?name=news&ms=200"),
                        base.resolve("/part/?name=quotes&ms=300")),
                base.resolve("/part/?name=fragile&ms=50"), 5, Duration.ofSeconds(2));
    }

    /** An HTTP/1.1 client that gives up connecting after two seconds. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    public Downstream withParts(List<URI> newParts) {
        return new Downstream(client, List.copyOf(newParts), fragile, fragileLimit, timeout);
    }

    public Downstream withFragile(URI newFragile, int newLimit) {
        return new Downstream(client, parts, newFragile, newLimit, timeout);
    }

    public Downstream withTimeout(Duration newTimeout) {
        return new Downstream(client, parts, fragile, fragileLimit, newTimeout);
    }
}
