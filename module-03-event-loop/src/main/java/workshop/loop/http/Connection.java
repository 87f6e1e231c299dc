package workshop.loop.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import workshop.common.InFlightCounter;
import workshop.loop.EventLoop;
import workshop.loop.Timer;

/**
 * One client connection, driven by the loop: every time the socket is ready, the loop runs this
 * object ({@link #run()}), which reads what has arrived, parses and dispatches whole requests,
 * and writes the answers that are ready, in request order. Nothing here blocks: a handler that
 * waits leaves a future behind, and its answer is written when the future completes.
 *
 * <p>Everything runs on the loop thread, so no field needs a lock.
 */
final class Connection implements Runnable {
    /** How long we keep reading (and discarding) after our last answer, so the client can read it. */
    private static final long LINGER_NANOS = 2_000_000_000L;
    private static final int FIRST_BUFFER = 4 * 1024;

    /** A request waiting for its answer; answers leave in the order requests came (pipelining). */
    private static final class Exchange {
        final String name;
        final InFlightCounter.Ticket ticket;
        final boolean close;
        final boolean keepAlive10;
        Response response;

        Exchange(String name, InFlightCounter.Ticket ticket, boolean close, boolean keepAlive10) {
            this.name = name;
            this.ticket = ticket;
            this.close = close;
            this.keepAlive10 = keepAlive10;
        }
    }

    private final LoopHttpServer server;
    private final EventLoop loop;
    private final ServerOptions options;
    private final SocketChannel channel;
    private final int id;
    private final RequestParser parser;
    private final ArrayDeque<Exchange> exchanges = new ArrayDeque<>();
    private final ArrayDeque<InFlightCounter.Ticket> writing = new ArrayDeque<>();
    private SelectionKey key;
    private int interest;
    private byte[] in = new byte[FIRST_BUFFER];
    private ByteBuffer inBuffer = ByteBuffer.wrap(in); // position = end of the bytes read so far
    private int inStart;                               // where the unparsed bytes start
    private ByteBuffer out = ByteBuffer.allocate(FIRST_BUFFER); // position = end of the bytes to send
    private boolean noMoreRequests;  // after "Connection: close", an error, or the client's end of input
    private boolean inputClosed;
    private boolean draining;
    private boolean closed;
    private long lastActivity = System.nanoTime();
    private long requestStarted;
    private long drainStarted;
    private Timer timer;

    Connection(LoopHttpServer server, SocketChannel channel, int id) {
        this.server = server;
        this.loop = server.loop();
        this.options = server.options();
        this.channel = channel;
        this.id = id;
        this.parser = new RequestParser(options);
    }

    /** Registers for reading and starts the timeout clock. */
    void open() throws IOException {
        interest = SelectionKey.OP_READ;
        key = loop.register(channel, interest, this);
        armTimer(lastActivity + Math.min(options.idleTimeout().toNanos(), options.requestTimeout().toNanos()));
    }

    /** The socket is ready: write what is pending, then read what has arrived. */
    @Override
    public void run() {
        if (closed || !key.isValid()) {
            return;
        }
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            write();
        }
        if (!closed && (ready & SelectionKey.OP_READ) != 0) {
            read();
        }
        if (!closed) {
            progress();
        }
    }

    private void read() {
        int count;
        try {
            count = channel.read(inBuffer);
        } catch (IOException e) {
            close("read failed: " + e.getMessage());
            return;
        }
        if (count < 0) {
            endOfInput();
            return;
        }
        lastActivity = System.nanoTime();
        if (loop.tracing()) {
            loop.trace("read " + count + " bytes from #" + id);
        }
        if (draining) {
            inBuffer.clear(); // we answered already; what the client still sends is dropped
        }
    }

    /** The client closed its side (or half of it): answer what we have, then close. */
    private void endOfInput() {
        inputClosed = true;
        noMoreRequests = true;
        if (loop.tracing()) {
            loop.trace("end of input from #" + id);
        }
        if (draining || (exchanges.isEmpty() && out.position() == 0)) {
            close("client closed");
        }
    }

    /** Does everything that can be done now: parse and dispatch requests, write the ready answers. */
    private void progress() {
        boolean moved = true;
        while (moved && !closed) {
            int dispatched = parseAndDispatch();
            int answered = flush();
            moved = (dispatched > 0 || answered > 0) && inStart < inBuffer.position();
        }
        if (!closed) {
            updateInterest();
        }
    }

    private int parseAndDispatch() {
        int dispatched = 0;
        while (!noMoreRequests && !draining && exchanges.size() < options.maxPipelined()) {
            Request request;
            try {
                request = parser.parse(in, inStart, inBuffer.position());
            } catch (HttpError error) {
                refuse(error.status(), error.getMessage());
                break;
            }
            if (request == null) {
                break;
            }
            inStart += parser.consumed();
            requestStarted = 0;
            dispatch(request);
            dispatched++;
        }
        if (parser.inProgress() && requestStarted == 0) {
            requestStarted = System.nanoTime();
            armTimer(requestStarted + options.requestTimeout().toNanos());
        }
        makeRoom();
        return dispatched;
    }

    /** Runs the handler until it returns its future; the answer is written once the future completes. */
    private void dispatch(Request request) {
        InFlightCounter.Ticket ticket = server.counter().begin();
        boolean close = !request.keepAlive();
        String name = loop.tracing() ? request + " (#" + id + ")" : null;
        Exchange exchange = new Exchange(name, ticket, close, !close && request.version().equals("HTTP/1.0"));
        exchanges.add(exchange);
        noMoreRequests |= close;
        if (name != null) {
            loop.trace("run handler for " + name);
        }
        CompletableFuture<Response> answer = server.router().dispatch(request);
        if (answer.isDone()) {
            exchange.response = responseOf(answer);
        } else {
            if (name != null) {
                loop.trace(name + " waits");
            }
            answer.whenComplete((response, failure) -> answered(exchange, response, failure));
        }
    }

    private static Response responseOf(CompletableFuture<Response> done) {
        try {
            Response response = done.join();
            return response != null ? response : Response.error(500, "the handler completed with no response");
        } catch (CompletionException | CancellationException failure) {
            return Router.errorFor(failure);
        }
    }

    /** A handler's future completed, maybe on another thread: the answer is written on the loop thread. */
    private void answered(Exchange exchange, Response response, Throwable failure) {
        if (!loop.isLoopThread()) {
            loop.execute(() -> answered(exchange, response, failure));
            return;
        }
        if (closed) {
            return; // the client left; close() has already ended the request's ticket
        }
        exchange.response = failure != null ? Router.errorFor(failure)
                : response != null ? response : Response.error(500, "the handler completed with no response");
        progress();
    }

    /** Answers bad input with the status the RFC asks for, then closes (we no longer know where requests start). */
    private void refuse(int status, String message) {
        noMoreRequests = true;
        Exchange exchange = new Exchange(loop.tracing() ? "refused request (#" + id + ")" : null, null, true, false);
        exchange.response = Response.error(status, message);
        exchanges.add(exchange);
        if (loop.tracing()) {
            loop.trace("refuse #" + id + ": " + status + " " + message);
        }
    }

    /** Encodes the answers that are ready, in order, and writes them in one go. */
    private int flush() {
        int answered = 0;
        while (!exchanges.isEmpty() && exchanges.peek().response != null) {
            Exchange exchange = exchanges.poll();
            Response response = exchange.response;
            ensureOutRoom(ResponseEncoder.sizeOf(response));
            server.encoder().encode(response, exchange.close, exchange.keepAlive10, out);
            if (exchange.ticket != null) {
                writing.add(exchange.ticket);
            }
            if (exchange.name != null) {
                loop.trace("answer " + response.status() + " to " + exchange.name);
            }
            answered++;
        }
        if (out.position() > 0) {
            write();
        }
        return answered;
    }

    private void write() {
        out.flip();
        int count;
        try {
            count = channel.write(out);
        } catch (IOException e) {
            out.clear();
            close("write failed: " + e.getMessage());
            return;
        }
        boolean allSent = !out.hasRemaining();
        out.compact();
        if (count > 0) {
            lastActivity = System.nanoTime();
        }
        if (loop.tracing()) {
            loop.trace("write " + count + " bytes to #" + id + (allSent ? "" : ", the rest when the socket is ready"));
        }
        if (allSent) {
            while (!writing.isEmpty()) {
                writing.poll().close(); // the request is complete once its answer has left
            }
            if (noMoreRequests && exchanges.isEmpty()) {
                finish();
            }
        }
    }

    /** The last answer has left: close now, or half-close and let the client read it first. */
    private void finish() {
        if (inputClosed) {
            close("done");
            return;
        }
        if (!draining) {
            draining = true;
            drainStarted = System.nanoTime();
            try {
                channel.shutdownOutput(); // the client sees the end of our answers; closing at once could reset it
            } catch (IOException e) {
                close("shutdown failed: " + e.getMessage());
                return;
            }
            inStart = 0;
            inBuffer.clear();
            armTimer(drainStarted + LINGER_NANOS);
        }
    }

    /** Reads only while we accept requests (or drain), writes only while output is pending. */
    private void updateInterest() {
        boolean wantRead = !inputClosed && (draining || (!noMoreRequests && exchanges.size() < options.maxPipelined()));
        int wanted = (wantRead ? SelectionKey.OP_READ : 0) | (out.position() > 0 ? SelectionKey.OP_WRITE : 0);
        if (wanted != interest) {
            interest = wanted;
            key.interestOps(wanted);
        }
    }

    /** Keeps room to read: drops parsed bytes, and grows the buffer (up to the limits) for a big request. */
    private void makeRoom() {
        int end = inBuffer.position();
        if (inStart == end) {
            inStart = 0;
            inBuffer.clear();
        } else if (!inBuffer.hasRemaining()) {
            if (inStart > 0) {
                System.arraycopy(in, inStart, in, 0, end - inStart);
                inBuffer.position(end - inStart);
                inStart = 0;
            } else {
                int limit = options.maxHeaderBytes() + options.maxBodyBytes();
                if (in.length < limit) {
                    byte[] bigger = Arrays.copyOf(in, Math.min(limit, in.length * 2));
                    in = bigger;
                    inBuffer = ByteBuffer.wrap(bigger).position(end);
                }
            }
        }
    }

    private void ensureOutRoom(int size) {
        if (out.remaining() < size) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + size));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
    }

    // ---- timeouts, from the loop's own timer heap ----------------------------------------------

    /** Makes sure the timeout check runs by {@code deadline}; one timer per connection at most. */
    private void armTimer(long deadline) {
        if (timer != null && timer.deadlineNanos() - deadline <= 0) {
            return; // the check already comes early enough, and re-checks then
        }
        if (timer != null) {
            timer.cancel();
        }
        long delay = Math.max(1_000_000L, deadline - System.nanoTime());
        timer = loop.callLater(Duration.ofNanos(delay), this::checkTimeouts);
    }

    /** Closes a connection that idles, trickles, or no longer reads our answers; otherwise checks again later. */
    private void checkTimeouts() {
        timer = null;
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        long idle = options.idleTimeout().toNanos();
        long deadline;
        if (draining) {
            deadline = drainStarted + LINGER_NANOS;
            if (now - deadline >= 0) {
                close("linger time over");
                return;
            }
        } else if (out.position() > 0) {
            deadline = lastActivity + idle;
            if (now - deadline >= 0) {
                close("the client stopped reading");
                return;
            }
        } else if (!exchanges.isEmpty()) {
            deadline = now + idle; // a handler is working: not the client's fault
        } else if (requestStarted != 0) {
            deadline = requestStarted + options.requestTimeout().toNanos();
            if (now - deadline >= 0) {
                refuse(408, "the request did not arrive within " + options.requestTimeout().toMillis() + " ms");
                progress();
                return;
            }
        } else {
            deadline = lastActivity + idle;
            if (now - deadline >= 0) {
                close("idle");
                return;
            }
        }
        armTimer(deadline);
    }

    /** Closes the socket at once and ends the tickets of requests still in flight. */
    void close(String why) {
        if (closed) {
            return;
        }
        closed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway; nothing more to do
        }
        for (Exchange exchange : exchanges) {
            if (exchange.ticket != null) {
                exchange.ticket.close();
            }
        }
        exchanges.clear();
        writing.forEach(InFlightCounter.Ticket::close);
        writing.clear();
        server.closed(this);
        if (loop.tracing()) {
            loop.trace("close #" + id + " (" + why + ")");
        }
    }

    @Override
    public String toString() {
        return "connection #" + id;
    }
}
