package workshop.loop.http;

import workshop.loop.EventLoop;

/**
 * Trace-mode lines about one subject ({@code connection #6: read 91 bytes}). A line is built only
 * when the loop traces, so with tracing off a call costs one check and builds no String.
 */
record Trace(EventLoop loop, Object subject) {

    void event(String event) {
        if (loop.tracing()) {
            loop.trace(subject + ": " + event);
        }
    }

    void event(String event, Object detail) {
        if (loop.tracing()) {
            loop.trace(subject + ": " + event + " " + detail);
        }
    }

    void event(String event, long number, String unit) {
        if (loop.tracing()) {
            loop.trace(subject + ": " + event + " " + number + " " + unit);
        }
    }
}
