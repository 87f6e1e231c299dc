package workshop.loop.http;

/**
 * A request line and its header fields, checked, with what they say about the body that follows.
 *
 * @param request         the request, with an empty body for now
 * @param contentLength   the body's length from {@code Content-Length} (0 when there is none, or when chunked)
 * @param chunked         the body comes in chunks ({@code Transfer-Encoding: chunked}, RFC 9112 §7.1)
 * @param expectsContinue the client waits for a {@code 100 Continue} before it sends the body (RFC 9110 §10.1.1)
 */
record RequestHead(Request request, int contentLength, boolean chunked, boolean expectsContinue) {

    boolean hasBody() {
        return chunked || contentLength > 0;
    }

    /** Reads this request's body out of the read buffer as it arrives, within the server's limits. */
    BodyReader bodyReader(ServerOptions options) {
        return chunked ? new ChunkedBodyReader(options.maxBodyBytes(), options.maxHeaderBytes())
                : new BodyReader.FixedLength(contentLength);
    }
}
