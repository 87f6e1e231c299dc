package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import workshop.common.TestClient;

/**
 * Forgetting to await, in Python's two shapes and Java's third: a Supplier nobody calls (Python's
 * coroutine nobody awaits: the work never starts), a dropped future (Python's task nobody awaits:
 * the work runs and its failure reaches nobody), and thenApply where thenCompose was meant.
 */
@DisplayName("4.4 the pitfall: futures nobody awaits")
@ExtendWith(UnfinishedLoop.class)
@Tag("demo")
@Tag("step-4.4")
class ForgottenFutureDemoTest {

    @Test
    @DisplayName("4.4 a Supplier nobody calls, like Python's coroutine nobody awaits: POST /save-never-called/"
            + " answers 200, and the write never even starts")
    void theWorkNeverStarts() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            TestClient.Reply reply = client.send("POST", "/save-never-called/?item=apple");
            server.loop().runOnLoop(() -> null); // the handler's task has ended: whatever it started has started

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"saved\": \"apple\"}");
            assertThat(server.store().startedWrites()).as("writes started by a handler that said 'saved'").isZero();
            System.out.printf("4.4 Supplier nobody called: the client was told \"saved\", writes started: %d."
                    + " Python would warn \"RuntimeWarning: coroutine 'ItemStore.save' was never awaited\"; Java says nothing.%n",
                    server.store().startedWrites());
        }
    }

    @Test
    @DisplayName("4.4 a dropped future, like Python's task nobody awaits: POST /save-forgot/ answers 200 while the"
            + " write has not even finished")
    void theAnswerGoesOutBeforeTheWork() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            server.store().holdWrites();

            TestClient.Reply reply = client.send("POST", "/save-forgot/?item=apple");
            int pending = server.store().pendingWrites();

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
            assertThat(pending).as("writes still running after the 200").isEqualTo(1);
            assertThat(server.store().saved()).as("items stored when the client was told 'saved'").doesNotContain("apple");
            server.store().releaseWrites();
            Waits.until("the write of apple, released by the test, stored", Duration.ofSeconds(5),
                    () -> server.store().saved().contains("apple"), () -> "stored: " + server.store().saved());
            System.out.printf("4.4 dropped future: the client was told %d %s while %d write was still running and"
                    + " apple was not stored; it was stored only once the test let the write finish.%n",
                    reply.status(), reply.body(), pending);
        }
    }

    @Test
    @DisplayName("4.4 a dropped future: a write that fails still gets a 200, and the store reports the failure nobody"
            + " awaited, as asyncio logs \"Task exception was never retrieved\"")
    void theFailureReachesNobody() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            server.store().holdWrites();

            TestClient.Reply reply = client.send("POST", "/save-forgot/?item=broken-disk");
            server.store().releaseWrites();
            Waits.until("the write of broken-disk, released by the test, failed", Duration.ofSeconds(5),
                    () -> server.store().failedWrites() == 1, () -> server.store().failedWrites() + " writes failed");

            assertThat(reply.status()).as("what the client was told about a write that failed: %s", reply).isEqualTo(200);
            assertThat(server.store().failuresNobodyAwaited()).as("failed writes that nothing was waiting for").isEqualTo(1);
            System.out.printf("4.4 dropped future: the client was told \"saved\"; writes failed: %d, of which nothing"
                    + " was waiting for %d.%n", server.store().failedWrites(), server.store().failuresNobodyAwaited());
        }
    }

    @Test
    @DisplayName("4.4 thenApply instead of thenCompose: POST /save-then-apply/ answers 200 before the write has finished")
    void thenApplyDoesNotWaitForTheInnerFuture() throws Exception {
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            server.store().holdWrites();

            TestClient.Reply reply = client.send("POST", "/save-then-apply/?item=apple");
            int pending = server.store().pendingWrites();

            assertThat(reply.status()).as("answer: %s", reply).isEqualTo(200);
            assertThat(pending).as("writes still running after the 200").isEqualTo(1);
            assertThat(server.store().saved()).as("items stored when the client was told 'saved'").doesNotContain("apple");
            server.store().releaseWrites();
            Waits.until("the write of apple, released by the test, stored", Duration.ofSeconds(5),
                    () -> server.store().saved().contains("apple"), () -> "stored: " + server.store().saved());
            System.out.printf("4.4 thenApply instead of thenCompose: the client was told %d %s while %d write was still"
                    + " running; the answer waited for the outer future (the write had started), not the inner one (the"
                    + " write is done).%n", reply.status(), reply.body(), pending);
        }
    }
}
