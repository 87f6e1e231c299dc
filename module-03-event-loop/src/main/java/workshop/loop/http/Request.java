package workshop.loop.http;

import java.util.List;
import java.util.Map;
import workshop.common.QueryParams;

/**
 * One parsed HTTP/1.1 request.
 *
 * @param method    {@code GET}, {@code POST}, ... (case-sensitive, as RFC 9110 says)
 * @param target    the request target as sent, for example {@code /slow/?ms=100}
 * @param path      the target without its query
 * @param rawQuery  the part after {@code ?}, or {@code null}
 * @param version   {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers   the header fields in the order they came, names as sent
 * @param body      the body (its {@code Content-Length} bytes, or its chunks joined; empty when there is none)
 * @param keepAlive whether the connection stays open after the answer
 */
public record Request(String method, String target, String path, String rawQuery, String version,
                      List<Header> headers, byte[] body, boolean keepAlive) {

    /** The body of a request that has none. */
    static final byte[] NO_BODY = new byte[0];

    /** One header field. */
    public record Header(String name, String value) {
    }

    /** The first value of a header field, by case-insensitive name, or {@code null}. */
    public String header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** The same request with its body, once the body has arrived. */
    public Request withBody(byte[] bytes) {
        return new Request(method, target, path, rawQuery, version, headers, bytes, keepAlive);
    }

    /** The query parameters ({@code ms=100} becomes {@code {"ms": "100"}}). */
    public Map<String, String> query() {
        return QueryParams.parse(rawQuery);
    }

    @Override
    public String toString() {
        return method + " " + target;
    }
}
