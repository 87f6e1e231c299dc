package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
                await().atMost(Duration.ofSeconds(5)).until(() -> server.catalog().pendingLookups() == 1);
                loopAnswered = LoopTesting.loopAnswers(server.loop(), Duration.ofSeconds(1)); // bounded: the symptom is a hang
                ping = client.getAsync("/sync/");
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !ping.isDone());
            } finally {
                rescue(server); // answer the lookups from this thread, so the stuck loop thread can go on
            }

            assertThat(loopAnswered).as("the loop ran a task while a handler was in join()").isFalse();
            assertThat(LoopTesting.reply(ping).status()).as("/sync/, answered only after the rescue").isEqualTo(200);
            assertThat(LoopTesting.reply(quote).status()).as("the quote, answered only after the rescue").isEqualTo(200);
            System.out.println("4.5 join() on the loop: the loop ran no task for 1 s, /sync/ got no answer for 500 ms;"
                    + " both answered only after the test completed the lookups from its own thread");
        }
    }

    /** Completes every pending lookup from the test thread until the loop runs tasks again. */
    private static void rescue(PitfallServer server) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            server.catalog().rescueFromOutside();
            return LoopTesting.loopAnswers(server.loop(), Duration.ofMillis(100));
        });
    }
}
