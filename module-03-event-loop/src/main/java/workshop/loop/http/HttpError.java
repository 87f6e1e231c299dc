package workshop.loop.http;

/**
 * A request the server refuses, with the status RFC 9112 calls for. Framing errors (we cannot
 * tell where the next request starts) also close the connection after the answer.
 */
public final class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false); // no stack trace: bad input is expected, not exceptional
        this.status = status;
    }

    public int status() {
        return status;
    }
}
