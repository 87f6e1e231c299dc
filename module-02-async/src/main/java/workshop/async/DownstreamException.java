package workshop.async;

/**
 * A call to another server went wrong; {@link #status()} is what our client should see:
 * 502 (Bad Gateway) when the other server failed, 504 (Gateway Timeout) when it was too slow.
 */
public class DownstreamException extends RuntimeException {
    private final int status;

    public DownstreamException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
