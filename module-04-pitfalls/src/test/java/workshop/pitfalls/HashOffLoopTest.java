package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import workshop.common.TestClient;
import workshop.loop.SlowCallback;

@DisplayName("4.3 your fix, part 2: hash() off the loop")
@ExtendWith(UnfinishedLoop.class)
@Tag("exercise")
@Tag("step-4.3")
class HashOffLoopTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Pattern HASHED_ON = Pattern.compile("\"hashedOn\": \"([^\"]+)\"");

    @Test
    @DisplayName("4.3 GET /hash/ on the CPU pool: while the pool works through 4 hashes per core, the loop still answers /sync/, and the handler is never a slow callback")
    void theLoopStaysFreeWhileTheCoresWork() throws Exception {
        int requests = 4 * CORES;
        try (PitfallServer server = LoopTesting.start(); TestClient client = new TestClient(server.uri())) {
            int seen = LoopTesting.warmUp(server, client);
            TestClient.Reply first = client.get("/hash/?ms=100");
            assertThat(first.status()).as("GET /hash/?ms=100 answered %s", first).isEqualTo(200);
            ranOnTheCpuPool(server, first);

            List<CompletableFuture<TestClient.Reply>> replies = IntStream.range(0, requests)
                    .mapToObj(i -> client.getAsync("/hash/?ms=300&text=payload-" + i)).toList();
            Waits.until("a hash running", Duration.ofSeconds(8), () -> server.cpu().running() > 0 || replies.get(0).isDone(),
                    () -> "none started");
            TestClient.Reply ping = client.get("/sync/");
            int stillHashing = server.cpu().running();
            Waits.until(String.format("all %d hashes answered", requests), Duration.ofSeconds(20),
                    () -> server.counter().spans().size() >= 3 + requests,
                    () -> String.format("%d were, %d still hashing", server.counter().spans().size() - 3, server.cpu().running()),
                    () -> server.cpu().maxRunning() <= CORES ? null : tooMany(server));
            for (CompletableFuture<TestClient.Reply> reply : replies) {
                TestClient.Reply answer = LoopTesting.reply(reply);
                assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
            }
            Set<String> hashedOn = new TreeSet<>();
            for (CompletableFuture<TestClient.Reply> reply : replies) {
                hashedOn.add(ranOnTheCpuPool(server, reply.join()));
            }

            assertThat(ping.status()).isEqualTo(200);
            assertThat(stillHashing)
                    .as("expected the loop to answer /sync/ while hashes were still running, but none was running by"
                            + " then: the hashes held the loop until they were done. Run them on cpuPool (README.md, step 4.3)")
                    .isPositive();
            assertThat(server.cpu().maxRunning()).as(tooMany(server)).isLessThanOrEqualTo(CORES);
            List<SlowCallback> slow = LoopTesting.slowSince(server, seen);
            assertThat(LoopTesting.slowHandlers(server, seen, "GET /hash/"))
                    .as("the handler held the loop; all slow callbacks: %s", LoopTesting.describe(slow)).isEmpty();
            System.out.printf("4.3 hash(): %d hashes of 300 ms of CPU, on %s, at most %d at once on %d cores; the loop"
                            + " answered /sync/ while %d were hashing; GET /hash/ was never a slow callback%n",
                    requests, String.join(", ", hashedOn), server.cpu().maxRunning(), CORES, stillHashing);
        }
    }

    /** Checks that the hash of {@code answer} ran on the cpuPool that hash() was given; returns that thread's name. */
    private static String ranOnTheCpuPool(PitfallServer server, TestClient.Reply answer) {
        Matcher found = HASHED_ON.matcher(answer.body());
        assertThat(found.find()).as("an answer that says where it hashed: %s", answer).isTrue();
        String thread = found.group(1);
        assertThat(thread)
                .as("expected the hash to run off the loop thread, but it ran on the loop (%s): CPU work there holds every"
                        + " other request until it is done. Run it on cpuPool (README.md, step 4.3)", answer)
                .isNotEqualTo(server.loop().threadName());
        assertThat(server.cpuPoolThreads())
                .as("expected every hash to run on the cpuPool that hash() is given (%s), but one ran on %s:"
                        + " supplyAsync without an executor runs on the JDK's common pool (or, with 2 cores or fewer, on"
                        + " a new thread per task), which no bound of yours limits. Pass cpuPool to supplyAsync (README.md,"
                        + " step 4.3)", server.cpuPoolThreads().isEmpty() ? "which ran no task at all"
                        : "threads " + String.join(", ", new TreeSet<>(server.cpuPoolThreads())), thread)
                .contains(thread);
        return thread;
    }

    private static String tooMany(PitfallServer server) {
        return String.format("expected at most %d hashes at once, one per core, but %d ran at once: hash() must run on the"
                + " cpuPool it is given, and cpuPool() must have one thread per core (README.md, step 4.3)",
                CORES, server.cpu().maxRunning());
    }
}
