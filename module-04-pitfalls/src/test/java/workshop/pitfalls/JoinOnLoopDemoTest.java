package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import workshop.common.TestClient;

/** join() on the loop thread, for a future only the loop can complete: the whole server stops. */
@DisplayName("4.5 the pitfall: join() on the loop thread")
@ExtendWith(UnfinishedLoop.class)
@Tag("demo")
@Tag("step-4.5")
class JoinOnLoopDemoTest {

    @Test
    @DisplayName("4.5 join() on the loop: GET /quote-join/ hangs the loop, so even /sync/ gets no answer (seen within a bounded wait)")
    void joinOnTheLoopHangsEverything() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            LoopTesting.warmUp(server, client);
            CompletableFuture<TestClient.Reply> quote = client.getAsync("/quote-join/?item=apple");
            CompletableFuture<TestClient.Reply> ping;
            boolean loopAnswered;
            try {
                Waits.until("GET /quote-join/ waiting in join() for its price lookup", Duration.ofSeconds(5),
                        () -> server.catalog().pendingLookups() == 1, () -> server.catalog().pendingLookups() + " lookups pending");
                loopAnswered = LoopTesting.loopAnswers(server.loop(), Duration.ofSeconds(1)); // bounded: the symptom is a hang
                ping = client.getAsync("/sync/");
                Waits.holds("no answer to /sync/ while the loop thread waits in join()", Duration.ofMillis(500),
                        () -> !ping.isDone(), () -> "/sync/ answered " + ping.getNow(null));
            } finally {
                LoopTesting.rescue(server); // answer the lookups from this thread, so the stuck loop thread can go on
            }

            assertThat(loopAnswered).as("the loop ran a task while a handler was in join()").isFalse();
            assertThat(LoopTesting.reply(ping).status()).as("/sync/, answered only after the rescue").isEqualTo(200);
            assertThat(LoopTesting.reply(quote).status()).as("the quote, answered only after the rescue").isEqualTo(200);
            System.out.println("4.5 join() on the loop: the loop ran no task for 1 s, /sync/ got no answer for 500 ms;"
                    + " both answered only after the test completed the lookups from its own thread");
        }
    }
}
