package workshop.loop.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes a connection has read and not yet used, in one array. The socket appends at the end
 * ({@link #readFrom}); the parser looks at the unread bytes by index ({@link #byteAt}) and, once
 * it has used some, says so with {@link #skip} or {@link #take}. This buffer is the only record
 * of what has been used: nobody else keeps an offset into it.
 *
 * <p>It starts small and grows, up to {@code maxSize}, only while its unread bytes fill it.
 */
final class ReadBuffer {
    private final int maxSize;
    private byte[] bytes;
    private ByteBuffer window; // the same array, for the channel: its position is the end of the bytes read
    private int start;         // the first unread byte

    ReadBuffer(int firstSize, int maxSize) {
        this.maxSize = Math.max(firstSize, maxSize);
        this.bytes = new byte[firstSize];
        this.window = ByteBuffer.wrap(bytes);
    }

    /** A buffer holding {@code content}, as if it had just been read (for tests). */
    static ReadBuffer of(byte[] content) {
        ReadBuffer buffer = new ReadBuffer(Math.max(1, content.length), content.length);
        buffer.window.put(content);
        return buffer;
    }

    /** Reads what the channel has, after making room: the count, or -1 at the end of input. */
    int readFrom(ReadableByteChannel channel) throws IOException {
        makeRoom();
        return channel.read(window);
    }

    /** Unread bytes. */
    int size() {
        return window.position() - start;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** True when the unread bytes fill the buffer at its largest: reading must wait until some are used. */
    boolean isFull() {
        return size() == maxSize;
    }

    /** The unread byte at {@code index} (0 is the first unread byte). */
    byte byteAt(int index) {
        return bytes[start + index];
    }

    /** Where {@code value} first occurs at or after {@code from}, or -1. */
    int indexOf(byte value, int from) {
        int end = window.position();
        for (int i = start + from; i < end; i++) {
            if (bytes[i] == value) {
                return i - start;
            }
        }
        return -1;
    }

    /** The unread bytes from {@code from} to {@code to} as ISO-8859-1 text (one char per byte, as HTTP fields are). */
    String text(int from, int to) {
        return new String(bytes, start + from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Marks {@code count} bytes as used. */
    void skip(int count) {
        if (count < 0 || count > size()) {
            throw new IndexOutOfBoundsException("cannot skip " + count + " of " + size() + " unread bytes");
        }
        start += count;
        if (start == window.position()) {
            clear(); // all used: the next read starts at the front again, with no copy
        }
    }

    /** Copies {@code count} unread bytes into {@code target} at {@code offset}, and marks them used. */
    void take(byte[] target, int offset, int count) {
        System.arraycopy(bytes, start, target, offset, Math.min(count, size()));
        skip(Math.min(count, size()));
    }

    /** Drops every unread byte. */
    void clear() {
        start = 0;
        window.clear();
    }

    /** Room at the end for the next read: move the unread bytes to the front, or grow if they fill the array. */
    private void makeRoom() {
        if (window.hasRemaining()) {
            return;
        }
        int size = size();
        if (start > 0) {
            System.arraycopy(bytes, start, bytes, 0, size);
            window.clear().position(size);
        } else if (bytes.length < maxSize) {
            bytes = Arrays.copyOf(bytes, Math.min(maxSize, bytes.length * 2));
            window = ByteBuffer.wrap(bytes).position(size);
        }
        start = 0;
    }

    @Override
    public String toString() {
        return size() + " unread bytes";
    }
}
