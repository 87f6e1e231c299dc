package workshop.loop.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the bytes of one connection into requests, as they trickle in (RFC 9112).
 *
 * <p>The connection keeps its unread bytes in a buffer and calls {@link #parse} after every
 * read. The parser remembers how far it has looked, so bytes arriving one at a time cost no
 * more than bytes arriving at once. It first finds the end of the head (the empty line), checks
 * the limits on the way, then parses the head in one go and waits for the body
 * ({@code Content-Length} bytes). Anything it cannot accept is an {@link HttpError} with the
 * status the RFC calls for; the connection answers it and closes.
 */
public final class RequestParser {
    private static final byte[] NO_BODY = new byte[0];

    private final ServerOptions options;
    // Where we are in the current request, counted from the `start` the caller passes.
    private int scanned;        // bytes already searched for the end of the head
    private int lineStart;      // where the line being scanned starts
    private int headStart;      // where the request line starts (after empty lines we skip)
    private boolean inRequestLine = true;
    private int headEnd = -1;   // just past the empty line that ends the head, once found
    private Head head;          // the parsed head, while we wait for its body
    private int consumed;

    public RequestParser(ServerOptions options) {
        this.options = options;
    }

    /** The request line and header fields, checked, waiting for the body. */
    private record Head(String method, String target, String path, String rawQuery, String version,
                        List<Request.Header> headers, int contentLength, boolean keepAlive) {
    }

    /**
     * Parses {@code buf[start, end)}: returns the next whole request, or {@code null} when more
     * bytes are needed. After a request, {@link #consumed()} says how many bytes it used.
     *
     * @throws HttpError when the bytes are not an acceptable request
     */
    public Request parse(byte[] buf, int start, int end) {
        if (head == null) {
            if (!findEndOfHead(buf, start, end)) {
                return null;
            }
            head = parseHead(new String(buf, start + headStart, headEnd - headStart, StandardCharsets.ISO_8859_1));
        }
        int bodyStart = start + headEnd;
        if (end - bodyStart < head.contentLength()) {
            return null;
        }
        byte[] body = head.contentLength() == 0 ? NO_BODY
                : Arrays.copyOfRange(buf, bodyStart, bodyStart + head.contentLength());
        Request request = new Request(head.method(), head.target(), head.path(), head.rawQuery(), head.version(),
                head.headers(), body, head.keepAlive());
        consumed = headEnd + head.contentLength();
        reset();
        return request;
    }

    /** Bytes the last returned request took from the buffer (head, body and any empty lines before it). */
    public int consumed() {
        return consumed;
    }

    /** Whether part of a request has arrived (the clock of the request timeout is running). */
    public boolean inProgress() {
        return scanned > 0;
    }

    private void reset() {
        scanned = 0;
        lineStart = 0;
        headStart = 0;
        inRequestLine = true;
        headEnd = -1;
        head = null;
    }

    /** Looks for the empty line that ends the head, from where the last call stopped. */
    private boolean findEndOfHead(byte[] buf, int start, int end) {
        for (int i = start + scanned; i < end; i++) {
            int at = i - start;
            if (buf[i] != '\n') {
                if (inRequestLine && at - lineStart >= options.maxRequestLine()) {
                    throw new HttpError(414, "the request line is longer than " + options.maxRequestLine() + " bytes");
                }
                if (at >= options.maxHeaderBytes()) {
                    throw new HttpError(431, "the header section is larger than " + options.maxHeaderBytes() + " bytes");
                }
                continue;
            }
            if (at == lineStart || buf[i - 1] != '\r') {
                throw new HttpError(400, "every line must end with CRLF");
            }
            boolean emptyLine = at - 1 == lineStart;
            lineStart = at + 1;
            if (emptyLine && inRequestLine) {
                headStart = lineStart; // RFC 9112 2.2: ignore empty lines before the request line
            } else if (emptyLine) {
                headEnd = lineStart;
                scanned = headEnd;
                return true;
            } else {
                inRequestLine = false;
            }
        }
        scanned = end - start;
        return false;
    }

    private Head parseHead(String text) {
        int requestLineEnd = text.indexOf("\r\n");
        String requestLine = text.substring(0, requestLineEnd);
        int firstSpace = requestLine.indexOf(' ');
        int secondSpace = requestLine.indexOf(' ', firstSpace + 1);
        if (firstSpace <= 0 || secondSpace < 0 || requestLine.indexOf(' ', secondSpace + 1) >= 0) {
            throw new HttpError(400, "malformed request line: " + visible(requestLine));
        }
        String method = requestLine.substring(0, firstSpace);
        String target = requestLine.substring(firstSpace + 1, secondSpace);
        String version = version(requestLine.substring(secondSpace + 1));
        if (!isToken(method)) {
            throw new HttpError(400, "malformed method: " + visible(method));
        }
        if (target.isEmpty() || !isVisible(target)) {
            throw new HttpError(400, "malformed request target: " + visible(target));
        }
        String pathAndQuery = originForm(target);
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String rawQuery = question < 0 ? null : pathAndQuery.substring(question + 1);

        List<Request.Header> headers = new ArrayList<>(8);
        int lineStart = requestLineEnd + 2;
        for (int lineEnd = text.indexOf("\r\n", lineStart); lineEnd > lineStart; lineEnd = text.indexOf("\r\n", lineStart)) {
            headers.add(headerField(text.substring(lineStart, lineEnd)));
            lineStart = lineEnd + 2;
        }
        boolean http11 = version.equals("HTTP/1.1");
        checkHost(headers, http11);
        int contentLength = contentLength(headers, http11);
        return new Head(method, target, path, rawQuery, version, List.copyOf(headers), contentLength,
                keepAlive(headers, http11));
    }

    /** HTTP/1.0 and 1.1 are served; a later 1.x is answered as 1.1 (RFC 9110 2.5); 2.0 and up is 505. */
    private static String version(String text) {
        if (text.length() != 8 || !text.startsWith("HTTP/") || !isDigit(text.charAt(5))
                || text.charAt(6) != '.' || !isDigit(text.charAt(7))) {
            throw new HttpError(400, "malformed HTTP version: " + visible(text));
        }
        if (text.charAt(5) != '1') {
            throw new HttpError(505, text + " is not supported; this server speaks HTTP/1.1");
        }
        return text.charAt(7) == '0' ? "HTTP/1.0" : "HTTP/1.1";
    }

    /** The path and query of an origin-form ({@code /a?b}) or absolute-form ({@code http://h/a?b}) target. */
    private static String originForm(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        if (target.equals("*")) {
            return target; // OPTIONS * : no route has it, so it ends as a 404
        }
        for (String scheme : new String[] {"http://", "https://"}) {
            if (target.regionMatches(true, 0, scheme, 0, scheme.length())) {
                int slash = target.indexOf('/', scheme.length());
                return slash < 0 ? "/" : target.substring(slash);
            }
        }
        throw new HttpError(400, "the request target must be a path like /sync/, got " + visible(target));
    }

    private static Request.Header headerField(String line) {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw new HttpError(400, "obsolete line folding is not allowed: " + visible(line));
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.substring(0, colon))) {
            throw new HttpError(400, "malformed header field: " + visible(line));
        }
        String value = line.substring(colon + 1).strip(); // strips the optional spaces and tabs around the value
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new HttpError(400, "control character in header field " + line.substring(0, colon));
            }
        }
        return new Request.Header(line.substring(0, colon), value);
    }

    private static void checkHost(List<Request.Header> headers, boolean http11) {
        int hosts = 0;
        for (Request.Header header : headers) {
            hosts += header.name().equalsIgnoreCase("Host") ? 1 : 0;
        }
        if (hosts > 1) {
            throw new HttpError(400, "more than one Host header field");
        }
        if (hosts == 0 && http11) {
            throw new HttpError(400, "an HTTP/1.1 request needs a Host header field");
        }
    }

    /** The body length: Content-Length, checked; Transfer-Encoding is refused (RFC 9112 6.1 and 6.3). */
    private int contentLength(List<Request.Header> headers, boolean http11) {
        String length = null;
        boolean transferEncoding = false;
        for (Request.Header header : headers) {
            if (header.name().equalsIgnoreCase("Transfer-Encoding")) {
                transferEncoding = true;
            } else if (header.name().equalsIgnoreCase("Content-Length")) {
                for (String part : header.value().split(",", -1)) {
                    String value = part.strip();
                    if (value.isEmpty() || !value.chars().allMatch(RequestParser::isDigit)) {
                        throw new HttpError(400, "invalid Content-Length: " + visible(header.value()));
                    }
                    if (length != null && !length.equals(value)) {
                        throw new HttpError(400, "conflicting Content-Length values");
                    }
                    length = value;
                }
            }
        }
        if (transferEncoding && length != null) {
            throw new HttpError(400, "Content-Length together with Transfer-Encoding");
        }
        if (transferEncoding) {
            throw http11 ? new HttpError(501, "Transfer-Encoding is not implemented; send a Content-Length")
                    : new HttpError(400, "Transfer-Encoding in an HTTP/1.0 request");
        }
        if (length == null) {
            return 0;
        }
        String digits = length.replaceFirst("^0+(?=.)", ""); // leading zeros are allowed and mean nothing
        if (digits.length() > 10 || Long.parseLong(digits) > options.maxBodyBytes()) {
            throw new HttpError(413, "the body is larger than " + options.maxBodyBytes() + " bytes");
        }
        return Integer.parseInt(digits);
    }

    /** HTTP/1.1 keeps the connection unless told "close"; HTTP/1.0 closes it unless told "keep-alive". */
    private static boolean keepAlive(List<Request.Header> headers, boolean http11) {
        boolean close = false;
        boolean keepAlive = false;
        for (Request.Header header : headers) {
            if (header.name().equalsIgnoreCase("Connection")) {
                for (String option : header.value().split(",")) {
                    close |= option.strip().equalsIgnoreCase("close");
                    keepAlive |= option.strip().equalsIgnoreCase("keep-alive");
                }
            }
        }
        return !close && (http11 || keepAlive);
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Shows untrusted text in an error message: short, and with control characters escaped. */
    private static String visible(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        StringBuilder out = new StringBuilder(shown.length() + 2).append('\'');
        for (char c : shown.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.append('\'').toString();
    }
}
