package workshop.loop.http;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import workshop.common.InFlightCounter;
import workshop.loop.EventLoop;

/**
 * One client connection, driven by the loop: every time its socket is ready, the loop runs this
 * object ({@link #run()}), which writes what is pending, reads what has arrived, and moves the
 * connection through its phases as far as those bytes allow. Nothing here blocks: a handler that
 * waits leaves a future behind, and the connection moves on when the future completes.
 *
 * <pre>
 *   accept ─> IDLE ──first byte──> READING_HEAD ──whole head, with a body──> READING_BODY
 *              ^                        │                                        │
 *              │                whole head, no body                          whole body
 *              │                        v                                        │
 *              │                     WAITING &lt;───────────────────────────────────┘
 *              │                        │  (the handler's future is not done yet)
 *              │                  answer ready
 *              │                        v
 *              └───answer sent──── WRITING &lt;── bad input or the request timeout (400, 408, ...)
 *                 (READING_HEAD if      │      in READING_HEAD or READING_BODY
 *                 the next request      │
 *                 is here already)  answer sent, and the request or the error said close
 *                                       v
 *                                    CLOSING ──client's end, or linger time over──> CLOSED
 * </pre>
 *
 * One request at a time: pipelined requests wait in the read buffer until the answer before
 * them has left (answers leave in request order, RFC 9112 §9.3.2). Each phase has one deadline
 * ({@link #enter}), and {@link #timedOut} says what happens when it passes. From any phase, a
 * client that vanishes or stops reading our answer ends in CLOSED.
 *
 * <p>Everything runs on the loop thread, so no field needs a lock.
 */
final class Connection implements Runnable {
    /** How long we keep reading (and dropping) after our last answer, so the client can read it. */
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final int FIRST_BUFFER = 4 * 1024;

    enum Phase { IDLE, READING_HEAD, READING_BODY, WAITING, WRITING, CLOSING, CLOSED }

    private final LoopHttpServer server;
    private final EventLoop loop;
    private final ServerOptions options;
    private final SocketChannel channel;
    private final int id;
    private final ReadBuffer in;
    private final WriteBuffer out = new WriteBuffer(FIRST_BUFFER);
    private final RequestParser parser;
    private final Deadline deadline;
    private final Trace trace;
    private SelectionKey key;
    private Phase phase = Phase.IDLE;
    private RequestHead head;        // READING_BODY: the head whose body is arriving
    private BodyReader body;         // READING_BODY: takes that body out of the read buffer
    private Request request;         // WAITING, WRITING: the request being answered (null for a refusal)
    private InFlightCounter.Ticket ticket;
    private boolean closeAfterAnswer;
    private boolean inputEnded;      // the client sent its end of input; it may still read our answers

    Connection(LoopHttpServer server, SocketChannel channel, int id) {
        this.server = server;
        this.loop = server.loop();
        this.options = server.options();
        this.channel = channel;
        this.id = id;
        this.in = new ReadBuffer(FIRST_BUFFER, options.maxHeaderBytes() + 1); // a head one byte too big still fits: 431
        this.parser = new RequestParser(options);
        this.deadline = new Deadline(loop, toString(), this::timedOut);
        this.trace = new Trace(loop, this);
    }

    /** Registers for reading and starts the idle clock. */
    void open() throws IOException {
        key = loop.register(channel, SelectionKey.OP_READ, this);
        trace.event("accepted from", channel.getRemoteAddress());
        enter(Phase.IDLE);
    }

    /** The socket is ready: write what is pending, read what has arrived, then move on. */
    @Override
    public void run() {
        if (phase == Phase.CLOSED) {
            return;
        }
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            write();
        }
        if ((ready & SelectionKey.OP_READ) != 0 && phase != Phase.CLOSED) {
            read();
        }
        advance();
    }

    // ---- the phases --------------------------------------------------------------------------

    /** Enters {@code next} and sets its deadline: the one timeout that applies while we are in it. */
    private void enter(Phase next) {
        phase = next;
        switch (next) {
            case IDLE, WRITING -> deadline.in(options.idleTimeout()); // no request, or our answer unread: close
            case READING_HEAD -> deadline.in(options.requestTimeout()); // the whole request, or 408
            case READING_BODY -> { }                                // the request's clock keeps running
            case WAITING -> deadline.none();                        // the handler works: not the client's fault
            case CLOSING -> deadline.in(LINGER);
            case CLOSED -> deadline.cancel();
        }
    }

    /** The current phase's deadline has passed. */
    private void timedOut() {
        switch (phase) {
            case IDLE -> close("idle for " + options.idleTimeout().toMillis() + " ms");
            case READING_HEAD, READING_BODY -> {
                refuse(408, "the request did not arrive within " + options.requestTimeout().toMillis() + " ms");
                advance();
            }
            case WRITING -> close("the client stopped reading our answer");
            case CLOSING -> close("linger time over");
            case WAITING, CLOSED -> { } // no deadline in these phases
        }
    }

    /** Moves through the reading phases as far as the bytes at hand allow, then says what to wait for. */
    private void advance() {
        try {
            while (step()) {
                // the step entered another phase: see what that one can do
            }
        } catch (HttpError error) {
            refuse(error.status(), error.getMessage());
        }
        if (inputEnded && (phase == Phase.READING_HEAD || phase == Phase.READING_BODY)) {
            close("the client ended its input in the middle of a request"); // it can never be answered
        }
        if (phase != Phase.CLOSED) {
            int wanted = (inputEnded || in.isFull() ? 0 : SelectionKey.OP_READ) // a full buffer waits for the parser
                    | (out.isEmpty() ? 0 : SelectionKey.OP_WRITE);
            if (wanted != key.interestOps()) {
                key.interestOps(wanted);
            }
        }
    }

    /** One step of a reading phase: true when it entered another phase. The others move on events. */
    private boolean step() {
        return switch (phase) {
            case READING_HEAD -> readHead();
            case READING_BODY -> readBody();
            case IDLE, WAITING, WRITING, CLOSING, CLOSED -> false; // a read, a future, a write or a timer moves these
        };
    }

    private boolean readHead() {
        RequestHead next = parser.parse(in);
        if (next == null) {
            return false;
        }
        if (!next.hasBody()) {
            dispatch(next.request());
            return true;
        }
        head = next;
        body = next.bodyReader(options);
        enter(Phase.READING_BODY);
        if (next.expectsContinue() && in.isEmpty()) {
            server.encoder().encodeContinue(out.room(32)); // RFC 9110 §10.1.1: the client waits for this
            trace.event("100 Continue for", next.request());
            write();
        }
        return true;
    }

    private boolean readBody() {
        if (!body.readFrom(in)) {
            return false;
        }
        Request whole = head.request().withBody(body.body());
        head = null;
        body = null;
        dispatch(whole);
        return true;
    }

    /** Runs the handler until it returns its future; the answer is written once the future completes. */
    private void dispatch(Request next) {
        request = next;
        ticket = server.counter().begin();
        closeAfterAnswer = !next.keepAlive();
        enter(Phase.WAITING);
        trace.event("run handler for", next);
        CompletableFuture<Response> answer = server.router().dispatch(next);
        if (answer.isDone()) {
            answer(Router.responseOf(answer));
        } else {
            trace.event("waits for the handler's future");
            answer.whenComplete((response, failure) -> answered(Router.responseOf(response, failure)));
        }
    }

    /** A handler's future completed, maybe on another thread: the answer is written on the loop thread. */
    private void answered(Response response) {
        if (!loop.isLoopThread()) {
            loop.execute(() -> answered(response));
        } else if (phase == Phase.WAITING) { // else the client left, and close() ended the request
            answer(response);
            advance();
        }
    }

    /** Answers bad input with the status the RFC asks for, then closes (we no longer know where requests start). */
    private void refuse(int status, String message) {
        trace.event("refuse:", status, message);
        request = null;
        closeAfterAnswer = true;
        answer(Response.error(status, message));
    }

    private void answer(Response response) {
        server.encoder().encode(response, request, closeAfterAnswer, out.room(ResponseEncoder.sizeOf(response)));
        trace.event("answer", response.status(), closeAfterAnswer ? "(then close)" : "(keep-alive)");
        enter(Phase.WRITING);
        write();
    }

    /** The whole answer has left. */
    private void answerSent() {
        if (ticket != null) {
            ticket.close(); // the request is complete once its answer has left
            ticket = null;
        }
        request = null;
        if (!closeAfterAnswer && !in.isEmpty()) {
            enter(Phase.READING_HEAD); // the next request has begun to arrive already
        } else if (!closeAfterAnswer && !inputEnded) {
            enter(Phase.IDLE);
        } else if (inputEnded) {
            close("done, and the client has no more requests");
        } else {
            halfClose();
        }
    }

    /** The last answer has left: half-close, and let the client read it before we close. */
    private void halfClose() {
        try {
            channel.shutdownOutput(); // the client sees the end of our answers; closing at once could reset it
        } catch (IOException e) {
            close("shutdown failed: " + e.getMessage());
            return;
        }
        in.clear();
        enter(Phase.CLOSING);
    }

    // ---- the socket --------------------------------------------------------------------------

    private void read() {
        int count;
        try {
            count = in.readFrom(channel);
        } catch (IOException e) {
            close("read failed: " + e.getMessage());
            return;
        }
        if (count < 0) {
            inputEnded = true;
            trace.event("end of input");
            if (phase == Phase.IDLE || phase == Phase.CLOSING) {
                close("the client closed");
            }
            return;
        }
        trace.event("read", count, "bytes");
        if (phase == Phase.IDLE && count > 0) {
            enter(Phase.READING_HEAD); // the first byte of a request starts its clock
        } else if (phase == Phase.CLOSING) {
            in.clear(); // we answered already; what the client still sends is dropped
        }
    }

    private void write() {
        int count;
        try {
            count = out.writeTo(channel);
        } catch (IOException e) {
            close("write failed: " + e.getMessage());
            return;
        }
        trace.event("wrote", count, out.isEmpty() ? "bytes" : "bytes, the rest when the socket is ready");
        if (phase != Phase.WRITING) {
            return; // a 100 Continue: the request goes on
        }
        if (out.isEmpty()) {
            answerSent();
        } else if (count > 0) {
            enter(Phase.WRITING); // the client reads: its deadline moves on
        }
    }

    /** Closes the socket at once and ends the ticket of a request still in flight. */
    void close(String why) {
        if (phase == Phase.CLOSED) {
            return;
        }
        enter(Phase.CLOSED);
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway; nothing more to do
        }
        if (ticket != null) {
            ticket.close();
            ticket = null;
        }
        server.closed(this);
        trace.event("close:", why);
    }

    @Override
    public String toString() {
        return "connection #" + id;
    }
}
