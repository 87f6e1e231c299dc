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

@DisplayName("4.4 your fix: save() composed")
@ExtendWith(UnfinishedLoop.class)
@Tag("exercise")
@Tag("step-4.4")
class ComposedSaveTest {

    @Test
    @DisplayName("4.4 POST /save/ composed: the answer waits for the write, then says {\"saved\": \"apple\"}")
    void theAnswerWaitsForTheWrite() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            server.store().holdWrites();

            CompletableFuture<TestClient.Reply> reply = client.sendAsync("POST", "/save/?item=Apple");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.store().pendingWrites() == 1 || reply.isDone());
            assertThat(reply.isDone()).as("answered before the write was done: %s", reply.getNow(null)).isFalse();
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !reply.isDone());
            server.store().releaseWrites();

            TestClient.Reply answer = LoopTesting.reply(reply);
            assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"saved\": \"apple\"}");
            assertThat(server.store().saved()).contains("apple");
            System.out.println("4.4 save(): no answer while the write was held; once it was done: " + answer.status() + " " + answer.body());
        }
    }

    @Test
    @DisplayName("4.4 POST /save/ composed: a write that fails becomes a 500 that says why")
    void aFailedWriteIsA500() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            server.store().holdWrites();

            CompletableFuture<TestClient.Reply> reply = client.sendAsync("POST", "/save/?item=broken-disk");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.store().pendingWrites() == 1 || reply.isDone());
            server.store().releaseWrites();

            TestClient.Reply answer = LoopTesting.reply(reply);
            assertThat(answer.status()).as("answer for a failed write: %s", answer).isEqualTo(500);
            assertThat(answer.body()).contains("disk full");
            assertThat(server.store().failuresNobodyAwaited()).as("failed writes that nothing was waiting for").isZero();
            System.out.println("4.4 save(): a failed write answered " + answer.status() + " " + answer.body());
        }
    }

    @Test
    @DisplayName("4.4 POST /save/ composed: an item that fails validation is a 400, and nothing is written")
    void aBadItemIsA400() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            TestClient.Reply answer = client.send("POST", "/save/?item=no%20spaces%21");

            assertThat(answer.status()).as("answer: %s", answer).isEqualTo(400);
            assertThat(answer.body()).contains("item must be");
            assertThat(server.store().startedWrites()).as("writes started for an item that failed validation").isZero();
            System.out.println("4.4 save(): a bad item answered " + answer.status() + " " + answer.body() + ", and no write started");
        }
    }
}
