package workshop.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps what the tests print (standard output and error, from any thread) until it is taken, so that
 * a failed test can show its own output and standard output stays free for the wire. Keeps the first
 * 32 KB between takes.
 */
final class Capture {
    private static final int LIMIT = 32 * 1024;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
            synchronized (kept) {
                if (kept.size() < LIMIT) {
                    kept.write(b);
                }
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (kept) {
                kept.write(bytes, offset, Math.max(0, Math.min(length, LIMIT - kept.size())));
            }
        }
    }, true, StandardCharsets.UTF_8);

    PrintStream stream() {
        return stream;
    }

    /** What was printed since the last take. */
    String take() {
        stream.flush();
        synchronized (kept) {
            String text = kept.toString(StandardCharsets.UTF_8);
            kept.reset();
            return text;
        }
    }
}
