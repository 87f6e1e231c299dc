package workshop.async;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;
import workshop.common.BadRequestException;
import workshop.common.Json;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;
import workshop.common.Millis;

/**
 * The other servers our async server calls, played by one small local server:
 * <ul>
 *   <li>{@code GET /part/?name=weather&ms=200} answers {@code {"weather": "ready after 200 ms"}} after 200 ms;</li>
 *   <li>{@code GET /fail/} answers 500, as a broken service would.</li>
 * </ul>
 * Its own {@link JdkHttpServer#counter()} shows how many calls it is serving at once.
 */
public final class DownstreamServer {
    private static final Pattern NAME = Pattern.compile("[a-z]{1,20}");

    private DownstreamServer() {
    }

    public static JdkHttpServer start(InetSocketAddress address) throws IOException {
        return JdkHttpServer.create(address, BlockingServer.platformThreadPerRequest())
                .route("GET", "/part/", query -> {
                    String name = query.getOrDefault("name", "");
                    if (!NAME.matcher(name).matches()) {
                        throw new BadRequestException("name must be 1 to 20 lowercase letters, got '" + name + "'");
                    }
                    long ms = Millis.parse(query.get("ms"));
                    Thread.sleep(ms);
                    return new JsonResponse(200, Json.of(name, "ready after " + ms + " ms"));
                })
                .route("GET", "/fail/", query -> JsonResponse.error(500, "this downstream fails on purpose"))
                .start();
    }
}
