package workshop.common;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Counts the requests a server is working on right now and remembers when each one ran.
 * Tests await its count to prove that requests overlap; the race and failure messages draw
 * its spans as a timeline.
 */
public final class InFlightCounter {
    private final long origin = System.nanoTime();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final ConcurrentLinkedQueue<Span> finished = new ConcurrentLinkedQueue<>();

    /** One request's stay in a handler, in milliseconds since the counter was created. */
    public record Span(int id, double startMs, double endMs, String thread) {
        public double durationMs() {
            return endMs - startMs;
        }
    }

    /** Marks a request as started; call {@link Ticket#close()} when its response is complete. */
    public Ticket begin() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        return new Ticket(started.getAndIncrement(), nowMs(), Thread.currentThread().getName());
    }

    /** The handle of one request in flight. */
    public final class Ticket implements AutoCloseable {
        private final int id;
        private final double startMs;
        private final String thread;
        private boolean closed;

        private Ticket(int id, double startMs, String thread) {
            this.id = id;
            this.startMs = startMs;
            this.thread = thread;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                finished.add(new Span(id, startMs, nowMs(), thread));
                inFlight.decrementAndGet();
            }
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public int started() {
        return started.get();
    }

    /** The requests that have finished, in the order they started. */
    public List<Span> spans() {
        return finished.stream().sorted((a, b) -> Integer.compare(a.id(), b.id())).toList();
    }

    /** How many different threads ran the finished requests. */
    public int threadsUsed() {
        Set<String> names = finished.stream().map(Span::thread).collect(Collectors.toSet());
        return names.size();
    }

    private double nowMs() {
        return (System.nanoTime() - origin) / 1_000_000.0;
    }
}
