package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("runner")
class FailuresTest {
    private static final String TODO = "TODO 1.1: return 200 with {\"message\": \"sync\"} from sync() in "
            + "src/exercise/java/workshop/sync/SyncEndpoints.java (README.md, step 1.1)";

    @Test
    @DisplayName("a starter's TODO is the message, even when the server answered 500 with it, JSON-escaped, inside an assertion")
    void todoFirst() {
        String escaped = TODO.replace("\"", "\\\"");
        AssertionError seenByTest = new AssertionError("[status of GET /sync/, which answered: HTTP 500 (application/json) "
                + "{\"error\": \"UnsupportedOperationException: " + escaped + "\"}]\nexpected: 200\n but was: 500");

        assertThat(Failures.message(seenByTest)).isEqualTo(TODO);
        assertThat(Failures.message(new UnsupportedOperationException(TODO))).isEqualTo(TODO);
    }

    @Test
    @DisplayName("an assertion keeps its whole message (a timeline is part of it) but loses the stack frames AssertJ quotes")
    void noStackFrames() {
        AssertionError error = new AssertionError("expected 6 requests in flight at once, but at most 1 were:\n"
                + "req 0 |#####     |  0-102 ms\n"
                + "but was:\n  java.lang.IllegalStateException: boom\n"
                + "\tat kit-run//workshop.sync.SyncEndpoints.slow(SyncEndpoints.java:52)\n"
                + "\tat org.assertj.core.api.ThrowableAssert.catchThrowable(ThrowableAssert.java:66)\n"
                + "\t...(128 remaining lines not displayed - this can be changed with Assertions.setMaxStackTraceElementsDisplayed)");

        assertThat(Failures.message(error)).isEqualTo("expected 6 requests in flight at once, but at most 1 were:\n"
                + "req 0 |#####     |  0-102 ms\nbut was:\n  java.lang.IllegalStateException: boom");
    }

    @Test
    @DisplayName("an unexpected exception is named in one line with its causes; a port in use and a time bound say so in words")
    void exceptions() {
        RuntimeException wrapped = new UncheckedIOException("send failed", new IOException("connection reset"));
        assertThat(Failures.message(wrapped)).isEqualTo("UncheckedIOException: send failed\ncaused by IOException: connection reset");

        assertThat(Failures.message(new IllegalStateException("cannot start", new BindException("Address already in use"))))
                .startsWith("A port was already in use (Address already in use)");
        assertThat(Failures.message(new TimeoutException("slow() timed out after 60 seconds")))
                .startsWith("stopped at its time bound: slow() timed out after 60 seconds");
    }

    @Test
    @DisplayName("an Awaitility time-out says what the test waited for and what its last check saw, without the library's wording")
    void awaitility() {
        Throwable named = catchThrown(() -> Awaitility.await("fixedPool(3) to keep the extra tasks queued")
                .atMost(Duration.ofMillis(300)).until(() -> false));
        assertThat(Failures.message(named)).isEqualTo("waited 300 milliseconds for: fixedPool(3) to keep the extra tasks queued,"
                + " and it never came");

        Throwable asserted = catchThrown(() -> Awaitility.await("3 tasks running at once").atMost(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(1).as("tasks running").isEqualTo(3)));
        assertThat(Failures.message(asserted)).startsWith("waited 300 milliseconds for: 3 tasks running at once\n"
                + "the last check said: [tasks running]").doesNotContain("Lambda expression");

        Throwable anonymous = catchThrown(() -> Awaitility.await().atMost(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(1).as("tasks running").isEqualTo(3)));
        assertThat(Failures.message(anonymous)).startsWith("waited 300 milliseconds for a condition; the last check said: [tasks running]");
    }

    private static Throwable catchThrown(Runnable waiting) {
        try {
            waiting.run();
        } catch (RuntimeException | AssertionError e) {
            return e;
        }
        throw new AssertionError("the wait was expected to time out");
    }

    @Test
    @DisplayName("where: the first frame of a learner's class, in the exception or its causes, as a path and line")
    void where() {
        Exception cause = new IllegalArgumentException("bad");
        cause.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.lang.Long", "parseLong", "Long.java", 700),
            new StackTraceElement("workshop.sync.SyncEndpoints$Inner", "parse", "SyncEndpoints.java", 41),
        });
        RuntimeException thrown = new RuntimeException("wrapped", cause);
        thrown.setStackTrace(new StackTraceElement[] {new StackTraceElement("workshop.sync.SyncServer", "handle", "SyncServer.java", 9)});

        assertThat(Failures.where(thrown, Set.of("workshop.sync.SyncEndpoints"))).isEqualTo("workshop/sync/SyncEndpoints.java:41");
        assertThat(Failures.where(thrown, Set.of("workshop.sync.Other"))).isEmpty();
    }
}
