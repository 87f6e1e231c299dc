package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

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

            ItemStore store = server.store();
            CompletableFuture<TestClient.Reply> reply = client.sendAsync("POST", "/save/?item=Apple");
            Waits.until("POST /save/?item=Apple to start its write", Duration.ofSeconds(5),
                    () -> store.pendingWrites() == 1 || reply.isDone(),
                    () -> "no write started and no answer came");
            Waits.holds("no answer while the test holds the write", Duration.ofMillis(200), () -> !reply.isDone(),
                    () -> answeredTooEarly(reply.getNow(null), store));
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

            ItemStore store = server.store();
            CompletableFuture<TestClient.Reply> reply = client.sendAsync("POST", "/save/?item=broken-disk");
            Waits.until("POST /save/?item=broken-disk to start its write", Duration.ofSeconds(5),
                    () -> store.pendingWrites() == 1 || reply.isDone(),
                    () -> "no write started and no answer came");
            server.store().releaseWrites();

            TestClient.Reply answer = LoopTesting.reply(reply);
            assertThat(answer.status())
                    .as("expected a 500 that says why for a write that failed, but POST /save/?item=broken-disk answered"
                            + " %s: a write that nobody chains onto fails unheard. Chain the write with thenCompose, so"
                            + " its failure fails the answer (README.md, step 4.4)", answer)
                    .isEqualTo(500);
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

            assertThat(answer.status())
                    .as("expected a 400 for an item that fails validation, but POST /save/?item=no%%20spaces%%21 answered"
                            + " %s, with %d write(s) started: validate the item first, and save what validate() returns"
                            + " (README.md, step 4.4)", answer, server.store().startedWrites())
                    .isEqualTo(400);
            assertThat(answer.body()).contains("item must be");
            assertThat(server.store().startedWrites()).as("writes started for an item that failed validation").isZero();
            System.out.println("4.4 save(): a bad item answered " + answer.status() + " " + answer.body() + ", and no write started");
        }
    }

    private static String answeredTooEarly(TestClient.Reply reply, ItemStore store) {
        return String.format("POST /save/ answered %s while %d write(s) were still running: the answer went out before"
                + " the write was done. A write whose future is dropped, or chained with thenApply (a future of a future:"
                + " only the outer one is awaited), is not waited for; chain the write with thenCompose (README.md, step 4.4)",
                reply, store.pendingWrites());
    }
}
