package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.TestClient;

/** Forgetting to await, in its two Java shapes: a dropped future, and thenApply where thenCompose was meant. */
@Tag("demo")
@Tag("step-4.4")
class ForgottenFutureDemoTest {

    @Test
    @DisplayName("4.4 a dropped future: POST /save-forgot/ answers 200 while the write has not even finished")
    void theAnswerGoesOutBeforeTheWork() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            server.store().holdWrites();

            TestClient.Reply reply = client.send("POST", "/save-forgot/?item=apple");

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
            assertThat(server.store().pendingWrites()).as("writes still running after the 200").isEqualTo(1);
            assertThat(server.store().saved()).as("items stored when the client was told 'saved'").doesNotContain("apple");
            server.store().releaseWrites();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.store().saved().contains("apple"));
        }
    }

    @Test
    @DisplayName("4.4 a dropped future: a write that fails still gets a 200, and the failure is never seen")
    void theFailureVanishes() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            server.store().holdWrites();

            TestClient.Reply reply = client.send("POST", "/save-forgot/?item=broken-disk");
            server.store().releaseWrites();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.store().failedWrites() == 1);

            assertThat(reply.status()).as("what the client was told about a write that failed: %s", reply).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("4.4 thenApply instead of thenCompose: POST /save-then-apply/ answers 200 before the write has finished")
    void thenApplyDoesNotWaitForTheInnerFuture() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            server.store().holdWrites();

            TestClient.Reply reply = client.send("POST", "/save-then-apply/?item=apple");

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
            assertThat(server.store().pendingWrites()).as("writes still running after the 200").isEqualTo(1);
            assertThat(server.store().saved()).doesNotContain("apple");
            server.store().releaseWrites();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.store().saved().contains("apple"));
        }
    }
}
