package workshop.loop.http;

import static workshop.loop.http.HttpSyntax.isDigit;
import static workshop.loop.http.HttpSyntax.isHost;
import static workshop.loop.http.HttpSyntax.isToken;
import static workshop.loop.http.HttpSyntax.isVisible;
import static workshop.loop.http.HttpSyntax.visible;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds and checks request heads in a connection's {@link ReadBuffer}, as the bytes trickle in (RFC 9112).
 *
 * <p>The connection calls {@link #parse} after every read. The parser remembers how far it has
 * looked, so bytes arriving one at a time cost no more than bytes arriving at once. It looks for
 * the empty line that ends the head, checking the limits on the way, then parses the head in one
 * go and takes it out of the buffer. Anything it cannot accept is an {@link HttpError} with the
 * status the RFC calls for; the connection answers it and closes.
 */
public final class RequestParser {
    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"};
    private static final String[] FIELD_NAMES = {"Host", "Content-Length", "Content-Type", "Transfer-Encoding",
        "Connection", "Expect", "User-Agent", "Accept", "Accept-Encoding"};
    private final ServerOptions options;
    // How far we have looked into the buffer's unread bytes for the end of the current head.
    private int scanned;        // bytes already searched
    private int lineStart;      // where the line being scanned starts
    private int headStart;      // where the request line starts (after empty lines we skip)
    private boolean inRequestLine = true;

    public RequestParser(ServerOptions options) {
        this.options = options;
    }

    /**
     * The next request head in {@code in}, taken out of the buffer, or {@code null} when more
     * bytes are needed (the buffer is left as it was).
     *
     * @throws HttpError when the bytes are not an acceptable request
     */
    RequestHead parse(ReadBuffer in) {
        int headEnd = findEndOfHead(in);
        if (headEnd < 0) {
            return null;
        }
        String text = in.text(headStart, headEnd);
        in.skip(headEnd);
        scanned = 0;
        lineStart = 0;
        headStart = 0;
        inRequestLine = true;
        return parseHead(text);
    }

    /** Looks for the empty line that ends the head, from where the last call stopped: just past it, or -1. */
    private int findEndOfHead(ReadBuffer in) {
        int end = in.size();
        for (int at = scanned; at < end; at++) {
            if (in.byteAt(at) != '\n') {
                if (inRequestLine && at - lineStart >= options.maxRequestLine()) {
                    throw new HttpError(414, "the request line is longer than " + options.maxRequestLine() + " bytes");
                }
                if (at >= options.maxHeaderBytes()) {
                    throw new HttpError(431, "the header section is larger than " + options.maxHeaderBytes() + " bytes");
                }
                continue;
            }
            if (at == lineStart || in.byteAt(at - 1) != '\r') {
                throw new HttpError(400, "every line must end with CRLF");
            }
            boolean emptyLine = at - 1 == lineStart;
            lineStart = at + 1;
            if (emptyLine && inRequestLine) {
                headStart = lineStart; // RFC 9112 §2.2: ignore empty lines before the request line
            } else if (emptyLine) {
                return lineStart;
            } else {
                inRequestLine = false;
            }
        }
        scanned = end;
        return -1;
    }

    /** Parses a whole head by the indexes of its parts; only the target and the field values become new Strings. */
    private RequestHead parseHead(String text) {
        int lineEnd = text.indexOf("\r\n");
        int firstSpace = text.indexOf(' ');
        int secondSpace = text.indexOf(' ', firstSpace + 1);
        if (firstSpace <= 0 || secondSpace < 0 || secondSpace > lineEnd || text.lastIndexOf(' ', lineEnd) != secondSpace) {
            throw new HttpError(400, "malformed request line: " + visible(text.substring(0, lineEnd)));
        }
        String method = known(METHODS, text, 0, firstSpace);
        if (method == null && !isToken(method = text.substring(0, firstSpace))) {
            throw new HttpError(400, "malformed method: " + visible(method));
        }
        String target = text.substring(firstSpace + 1, secondSpace);
        String version = lineEnd - secondSpace == 9 && text.startsWith("HTTP/1.1", secondSpace + 1)
                ? "HTTP/1.1" : version(text.substring(secondSpace + 1, lineEnd)); // the usual case costs no copy
        if (target.isEmpty() || !isVisible(target)) {
            throw new HttpError(400, "malformed request target: " + visible(target));
        }
        String pathAndQuery = originForm(target);
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String rawQuery = question < 0 ? null : pathAndQuery.substring(question + 1);

        List<Request.Header> headers = new ArrayList<>(6);
        for (int start = lineEnd + 2, end; (end = text.indexOf("\r\n", start)) > start; start = end + 2) {
            headers.add(headerField(text, start, end));
        }
        boolean http11 = version.equals("HTTP/1.1");
        checkHost(headers, http11);
        boolean chunked = chunked(headers, http11);
        int contentLength = contentLength(headers);
        if (chunked && contentLength >= 0) {
            throw new HttpError(400, "Content-Length together with Transfer-Encoding");
        }
        Request request = new Request(method, target, path, rawQuery, version, Collections.unmodifiableList(headers),
                Request.NO_BODY, keepAlive(headers, http11));
        boolean expectsContinue = http11 && "100-continue".equalsIgnoreCase(request.header("Expect"));
        return new RequestHead(request, Math.max(0, contentLength), chunked, expectsContinue);
    }

    /** HTTP/1.0 and 1.1 are served; a later 1.x is answered as 1.1 (RFC 9110 §2.5); 2.0 and up is 505. */
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

    /** The field line {@code text[start, end)}: a token name, a colon, a value with optional spaces around it. */
    private static Request.Header headerField(String text, int start, int end) {
        if (text.charAt(start) == ' ' || text.charAt(start) == '\t') {
            throw new HttpError(400, "obsolete line folding is not allowed: " + visible(text.substring(start, end)));
        }
        int colon = text.indexOf(':', start);
        String name = colon < 0 || colon > end ? null : known(FIELD_NAMES, text, start, colon);
        if (name == null && (colon < 0 || colon > end || !isToken(name = text.substring(start, colon)))) {
            throw new HttpError(400, "malformed header field: " + visible(text.substring(start, end)));
        }
        int from = colon + 1;
        int to = end;
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new HttpError(400, "control character in header field " + name);
            }
        }
        return new Request.Header(name, text.substring(from, to));
    }

    /** The constant among {@code names} that {@code text[start, end)} spells exactly, or null: common names cost no copy. */
    private static String known(String[] names, String text, int start, int end) {
        for (String name : names) {
            if (name.length() == end - start && text.startsWith(name, start)) {
                return name;
            }
        }
        return null;
    }

    /** RFC 9112 §3.2: exactly one Host in HTTP/1.1 (at most one in 1.0), with a value that can name a host. */
    private static void checkHost(List<Request.Header> headers, boolean http11) {
        String host = null;
        for (Request.Header header : headers) {
            if (header.name().equalsIgnoreCase("Host")) {
                if (host != null) {
                    throw new HttpError(400, "more than one Host header field");
                }
                host = header.value();
            }
        }
        if (host == null && http11) {
            throw new HttpError(400, "an HTTP/1.1 request needs a Host header field");
        }
        if (host != null && !isHost(host)) {
            throw new HttpError(400, "invalid Host: " + visible(host));
        }
    }

    /**
     * Whether the body is chunked. RFC 9112 §6.1 and §6.3: chunked must be the last transfer coding
     * (or the body's end is unknown: 400), we implement no other coding (501), and HTTP/1.0 has no
     * transfer codings at all (400).
     */
    private static boolean chunked(List<Request.Header> headers, boolean http11) {
        if (!has(headers, "Transfer-Encoding")) {
            return false; // the usual case, decided without building a list
        }
        List<String> codings = new ArrayList<>(2);
        for (Request.Header header : headers) {
            if (header.name().equalsIgnoreCase("Transfer-Encoding")) {
                for (String coding : header.value().split(",")) {
                    if (!coding.isBlank()) {
                        codings.add(coding.strip());
                    }
                }
            }
        }
        if (codings.isEmpty()) {
            return false;
        }
        if (!http11) {
            throw new HttpError(400, "Transfer-Encoding in an HTTP/1.0 request");
        }
        if (!codings.getLast().equalsIgnoreCase("chunked")) {
            throw new HttpError(400, "chunked must be the last transfer coding, got " + visible(String.join(", ", codings)));
        }
        if (codings.size() > 1) {
            throw codings.subList(0, codings.size() - 1).stream().anyMatch("chunked"::equalsIgnoreCase)
                    ? new HttpError(400, "chunked is applied more than once")
                    : new HttpError(501, "only the chunked transfer coding is implemented, got " + visible(String.join(", ", codings)));
        }
        return true;
    }

    private static boolean has(List<Request.Header> headers, String name) {
        for (Request.Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The Content-Length, checked (RFC 9112 §6.3), or -1 when there is none. */
    private int contentLength(List<Request.Header> headers) {
        String length = null;
        for (Request.Header header : headers) {
            if (header.name().equalsIgnoreCase("Content-Length")) {
                for (String part : header.value().split(",", -1)) {
                    String value = part.strip();
                    if (value.isEmpty() || !value.chars().allMatch(c -> isDigit((char) c))) {
                        throw new HttpError(400, "invalid Content-Length: " + visible(header.value()));
                    }
                    if (length != null && !length.equals(value)) {
                        throw new HttpError(400, "conflicting Content-Length values");
                    }
                    length = value;
                }
            }
        }
        if (length == null) {
            return -1;
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
}
