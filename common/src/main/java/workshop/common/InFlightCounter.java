package workshop.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests a server is working on right now and remembers when each one ran.
 * Tests await its count to prove that requests overlap; the race and failure messages draw
 * its spans as a timeline.
 */
public final class InFlightCounter {
    /** Spans kept for timelines; a long benchmark must not grow the heap without end. */
    private static final int MAX_SPANS = 100_000;

    private final long origin = System.nanoTime();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final ConcurrentLinkedQueue<Span> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final Map<Integer, Ticket> open = new ConcurrentHashMap<>();

    /**
     * One request's stay on the server, in milliseconds since the counter was created, and the
     * thread that started it. {@code open} spans are still in flight; they end "now".
     */
    public record Span(int id, double startMs, double endMs, String thread, long threadId, boolean open) {
        public double durationMs() {
            return endMs - startMs;
        }
    }

    /** Marks a request as started; call {@link Ticket#close()} when its response is ready. */
    public Ticket begin() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        Thread thread = Thread.currentThread();
        Ticket ticket = new Ticket(started.getAndIncrement(), nowMs(), thread.getName(), thread.threadId());
        open.put(ticket.id, ticket);
        return ticket;
    }

    /** The handle of one request in flight. */
    public final class Ticket implements AutoCloseable {
        private final int id;
        private final double startMs;
        private final String thread;
        private final long threadId;
        private boolean closed;

        private Ticket(int id, double startMs, String thread, long threadId) {
            this.id = id;
            this.startMs = startMs;
            this.thread = thread;
            this.threadId = threadId;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                finished.add(new Span(id, startMs, nowMs(), thread, threadId, false));
                if (kept.incrementAndGet() > MAX_SPANS && finished.poll() != null) {
                    kept.decrementAndGet();
                }
                open.remove(id);
                inFlight.decrementAndGet();
            }
        }

        private Span soFar() {
            return new Span(id, startMs, nowMs(), thread, threadId, true);
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

    /** The requests that have finished (the latest 100,000), in the order they started. */
    public List<Span> spans() {
        return finished.stream().sorted(Comparator.comparingInt(Span::id)).toList();
    }

    /** Finished requests and, up to now, the ones still in flight: what a failure message should draw. */
    public List<Span> snapshot() {
        List<Span> all = new ArrayList<>(finished);
        open.values().forEach(ticket -> all.add(ticket.soFar()));
        all.sort(Comparator.comparingInt(Span::id));
        return all;
    }

    /** How many different threads started the finished requests (counted by thread ID, not name). */
    public int threadsUsed() {
        return (int) finished.stream().mapToLong(Span::threadId).distinct().count();
    }

    /** Milliseconds since this counter was created: the time base of every span. */
    public double nowMs() {
        return (System.nanoTime() - origin) / 1_000_000.0;
    }
}
