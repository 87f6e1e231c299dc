package workshop.loop.http;

import static workshop.loop.http.HttpSyntax.isHexDigit;
import static workshop.loop.http.HttpSyntax.isToken;
import static workshop.loop.http.HttpSyntax.visible;

/**
 * Decodes a chunked request body as it arrives (RFC 9112 §7.1):
 *
 * <pre>
 *   chunked-body = *chunk last-chunk trailer-section CRLF
 *   chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 *   last-chunk   = 1*("0") [ chunk-ext ] CRLF
 * </pre>
 *
 * A small state machine of its own: {@code SIZE_LINE -> DATA -> DATA_END -> SIZE_LINE ...}, and
 * after the chunk of size 0, {@code TRAILERS} up to the empty line. Chunk extensions are ignored
 * (§7.1.1 asks us to ignore the ones we do not know, and we know none); trailer fields are
 * checked and dropped (§7.1.2 lets a recipient discard them).
 */
final class ChunkedBodyReader extends BodyReader {
    /** A chunk size and its extensions fit in far less; a longer line is an attack, not a body. */
    private static final int MAX_SIZE_LINE = 1024;

    private enum Part { SIZE_LINE, DATA, DATA_END, TRAILERS }

    private final int maxBodyBytes;
    private final int maxTrailerBytes;
    private Part part = Part.SIZE_LINE;
    private int chunkLeft;      // bytes of the current chunk still to come
    private int trailerBytes;   // bytes of trailer section so far

    ChunkedBodyReader(int maxBodyBytes, int maxTrailerBytes) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.maxTrailerBytes = maxTrailerBytes;
    }

    @Override
    boolean readFrom(ReadBuffer in) {
        while (true) {
            switch (part) {
                case SIZE_LINE -> {
                    String line = line(in, MAX_SIZE_LINE, 400, "a chunk-size line");
                    if (line == null) {
                        return false;
                    }
                    chunkLeft = chunkSize(line);
                    part = chunkLeft == 0 ? Part.TRAILERS : Part.DATA;
                }
                case DATA -> {
                    int count = Math.min(chunkLeft, in.size());
                    append(in, count);
                    chunkLeft -= count;
                    if (chunkLeft > 0) {
                        return false;
                    }
                    part = Part.DATA_END;
                }
                case DATA_END -> {
                    if (in.size() < 2) {
                        return false;
                    }
                    if (in.byteAt(0) != '\r' || in.byteAt(1) != '\n') {
                        throw new HttpError(400, "chunk data must end with CRLF, exactly chunk-size bytes after its size line");
                    }
                    in.skip(2);
                    part = Part.SIZE_LINE;
                }
                case TRAILERS -> {
                    String line = line(in, maxTrailerBytes - trailerBytes, 431, "the trailer section");
                    if (line == null) {
                        return false;
                    }
                    if (line.isEmpty()) {
                        return true; // the empty line that ends the body
                    }
                    trailerBytes += line.length() + 2;
                    int colon = line.indexOf(':');
                    if (colon <= 0 || !isToken(line.substring(0, colon))) {
                        throw new HttpError(400, "malformed trailer field: " + visible(line));
                    }
                }
            }
        }
    }

    /** The chunk size, a hex number, checked against the body limit before its data arrives. */
    private int chunkSize(String line) {
        int digits = 0;
        while (digits < line.length() && isHexDigit(line.charAt(digits))) {
            digits++;
        }
        String extensions = line.substring(digits).stripLeading();
        if (digits == 0 || !(extensions.isEmpty() || extensions.charAt(0) == ';')) {
            throw new HttpError(400, "invalid chunk size: " + visible(line));
        }
        String hex = line.substring(0, digits).replaceFirst("^0+(?=.)", ""); // leading zeros mean nothing
        // §7.1: guard against huge numerals; more than eight hex digits overflow an int, so any limit we have
        if (hex.length() > 8 || size() + Long.parseLong(hex, 16) > maxBodyBytes) {
            throw new HttpError(413, "the body is larger than " + maxBodyBytes + " bytes");
        }
        return Integer.parseInt(hex, 16);
    }

    /** The next whole line (without its CRLF), taken out of {@code in}; null when it has not all arrived. */
    private static String line(ReadBuffer in, int maxLength, int status, String what) {
        int lineFeed = in.indexOf((byte) '\n', 0);
        if (lineFeed < 0 ? in.size() > maxLength : lineFeed - 1 > maxLength) {
            throw new HttpError(status, what + " is longer than " + Math.max(0, maxLength) + " bytes");
        }
        if (lineFeed < 0) {
            return null;
        }
        if (lineFeed == 0 || in.byteAt(lineFeed - 1) != '\r') {
            throw new HttpError(400, "every line must end with CRLF");
        }
        String line = in.text(0, lineFeed - 1);
        in.skip(lineFeed + 1);
        return line;
    }
}
