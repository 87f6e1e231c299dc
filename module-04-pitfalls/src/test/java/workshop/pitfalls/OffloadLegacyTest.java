package workshop.pitfalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import workshop.common.Overlap;
import workshop.common.TestClient;
import workshop.loop.SlowCallback;

/**
 * 4.2's fix, the Java {@code asyncio.to_thread}: blocking calls run on a bounded executor and the
 * answer comes back to the loop. The test holds every lookup, so it can count them while they run:
 * a burst of 100 must fill the bound exactly, never go past it, and leave the rest waiting in line.
 */
@DisplayName("4.2 your fix: legacyExecutor() and lookup(), a bounded offload and the hop back")
@ExtendWith(UnfinishedLoop.class)
@Tag("exercise")
@Tag("step-4.2")
class OffloadLegacyTest {
    private static final int REQUESTS = 100;
    private static final int LIMIT = PitfallServer.LEGACY_LIMIT;
    /** How long the bound must hold once it is full: far longer than any executor takes to start a task. */
    private static final Duration STAYS_FULL = Duration.ofMillis(500);

    @Test
    @DisplayName("4.2 GET /legacy/ offloaded: of 100 blocking lookups, never more than 40 run at once, the other 60"
            + " wait in line while the loop still answers /sync/, and every answer resumes on the loop thread")
    void aBoundedOffloadThatResumesOnTheLoop() throws Exception {
        PitfallServer.Settings settings = PitfallServer.Settings.defaults().withLegacyLatency(Duration.ofMillis(100));
        try (PitfallServer server = LoopTesting.start(settings); TestClient client = new TestClient(server.uri())) {
            LoopTesting.warmUp(server, client);
            String loopThread = server.loop().threadName();
            TestClient.Reply first = client.get("/legacy/?key=first");
            assertThat(first.status()).as("GET /legacy/?key=first answered %s", first).isEqualTo(200);
            assertThat(first.body()).isEqualTo("{\"key\": \"first\", \"value\": \"value of first\", \"resumedOn\": \""
                    + loopThread + "\"}");

            int seen = startPoolThreads(server, client);
            LegacyClient legacy = server.legacy();
            List<CompletableFuture<TestClient.Reply>> replies;
            TestClient.Reply ping;
            legacy.holdCalls();
            try {
                replies = IntStream.range(0, REQUESTS).mapToObj(i -> client.getAsync("/legacy/?key=k" + i)).toList();
                untilOrFail(String.format("%d lookups running at once and all %d requests waiting on the loop", LIMIT, REQUESTS),
                        await().atMost(Duration.ofSeconds(8)),
                        () -> legacy.inFlight() >= LIMIT && server.counter().inFlight() >= REQUESTS, legacy, server, REQUESTS);
                untilOrFail(String.format("exactly %d lookups running for %d ms, the other %d in line", LIMIT,
                                STAYS_FULL.toMillis(), REQUESTS - LIMIT),
                        await().during(STAYS_FULL).atMost(STAYS_FULL.plusSeconds(3)),
                        () -> legacy.inFlight() == LIMIT, legacy, server, REQUESTS);
                ping = client.get("/sync/"); // the loop is free while 60 calls wait in line
            } finally {
                legacy.releaseCalls();
            }
            Overlap.awaitFinished(server.counter(), 3 + LIMIT + REQUESTS, Duration.ofSeconds(15));

            assertThat(ping.status()).as("GET /sync/ while the bound was full: %s", ping).isEqualTo(200);
            for (CompletableFuture<TestClient.Reply> reply : replies) {
                TestClient.Reply answer = LoopTesting.reply(reply);
                assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
                assertThat(answer.body()).as("every lookup must resume on the loop thread").endsWith(
                        "\"resumedOn\": \"" + loopThread + "\"}");
            }
            assertThat(legacy.maxInFlight()).as("legacy calls running at once, with a limit of %d", LIMIT).isEqualTo(LIMIT);
            assertThat(server.answersOnLoop()).as("answers counted on the loop thread").isEqualTo(1 + LIMIT + REQUESTS);
            List<SlowCallback> slow = LoopTesting.slowSince(server, seen);
            assertThat(LoopTesting.slowHandlers(server, seen, "GET /legacy/"))
                    .as("the handler held the loop; all slow callbacks: %s", LoopTesting.describe(slow)).isEmpty();
            System.out.printf("4.2 offload: %d of %d lookups ran at once, on %d pool threads, while the other %d waited in line"
                            + " and the loop answered /sync/; all %d answers resumed on %s; GET /legacy/ was never a slow callback%n",
                    legacy.maxInFlight(), REQUESTS, legacy.threadsUsed(), REQUESTS - LIMIT, REQUESTS, loopThread);
        }
    }

    /**
     * Sends {@code LIMIT} lookups and waits for their answers, so that a pool that starts its threads
     * on demand has started them all before the burst the test watches; returns how many slow
     * callbacks the loop had reported until then. A fixed pool starts each of its threads on the
     * thread that hands it a task, here the loop, and on a loaded CPU one thread start can take
     * 100 ms: that is the pool warming up, not a handler that blocks. A warm server only queues work.
     */
    private static int startPoolThreads(PitfallServer server, TestClient client) throws Exception {
        LegacyClient legacy = server.legacy();
        List<CompletableFuture<TestClient.Reply>> warm;
        legacy.holdCalls(); // held, so the pool must start all of its threads: a pool too small shows here, at once
        try {
            warm = IntStream.range(0, LIMIT).mapToObj(i -> client.getAsync("/legacy/?key=warm-" + i)).toList();
            untilOrFail(String.format("%d lookups running at once (the pool starting its threads)", LIMIT),
                    await().atMost(Duration.ofSeconds(8)),
                    () -> legacy.inFlight() >= LIMIT, legacy, server, LIMIT);
        } finally {
            legacy.releaseCalls();
        }
        for (CompletableFuture<TestClient.Reply> reply : warm) {
            TestClient.Reply answer = LoopTesting.reply(reply);
            assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
        }
        server.loop().runOnLoop(() -> null); // the last handler task has ended, and any slow one is on the list
        return server.slowCallbacks().size();
    }

    /**
     * Awaits {@code condition}, but fails at once, with what went wrong, as soon as more calls run
     * than the limit allows; and says what it saw if the bound is never filled.
     */
    private static void untilOrFail(String what, ConditionFactory wait, Callable<Boolean> condition,
                                    LegacyClient legacy, PitfallServer server, int requests) {
        Stall stall = new Stall(legacy, server, requests);
        try {
            wait.alias(what).pollInterval(Duration.ofMillis(10))
                    .failFast(() -> legacy.maxInFlight() > LIMIT || stall.stuck())
                    .until(condition);
        } catch (TerminalFailureException e) {
            if (legacy.maxInFlight() <= LIMIT) {
                throw tooFew(what, legacy, server, requests, String.format(" (every request had reached its handler, and"
                        + " no further lookup started for %d ms)", STALLED.toMillis()));
            }
            throw new AssertionError(String.format(
                    "expected never more than %d blocking lookups at once (legacyExecutor(%d)), but %d ran together"
                            + "%s. An executor without a bound passes a whole burst to the library, and to"
                            + " whatever stands behind it; asyncio.to_thread and FastAPI's run_in_threadpool make the"
                            + " extra calls wait in line. Return an executor that runs at most limit calls at once, and"
                            + " run the call on blockingPool (README.md, step 4.2)",
                    LIMIT, LIMIT, legacy.maxInFlight(), legacy.usedVirtualThreads() ? ", each on a new virtual thread"
                            : String.format(", on %d different threads", legacy.threadsUsed())));
        } catch (ConditionTimeoutException e) {
            throw tooFew(what, legacy, server, requests, "");
        }
    }

    private static AssertionError tooFew(String what, LegacyClient legacy, PitfallServer server, int requests, String why) {
        return new AssertionError(String.format(
                "expected %s, but the most lookups running at once was %d (%d now), with %d of %d requests waiting on the"
                        + " loop%s. legacyExecutor(%d) must let %d calls run together: a smaller pool makes lookups"
                        + " queue for no reason (README.md, step 4.2)",
                what, legacy.maxInFlight(), legacy.inFlight(), server.counter().inFlight(), requests, why, LIMIT, LIMIT));
    }

    /** How long lookups may stop starting, with every request in its handler, before the pool counts as full. */
    private static final Duration STALLED = Duration.ofMillis(1500);

    /**
     * Sees a pool that is full below the limit: every request has reached its handler (so each lookup has
     * been handed to the executor), yet no further lookup has started for {@link #STALLED}. A pool that
     * is still starting its threads starts one every few milliseconds, 100 ms on a loaded laptop.
     */
    private static final class Stall {
        private final LegacyClient legacy;
        private final PitfallServer server;
        private final int requests;
        private int lastSeen = -1;
        private long since = System.nanoTime();

        Stall(LegacyClient legacy, PitfallServer server, int requests) {
            this.legacy = legacy;
            this.server = server;
            this.requests = requests;
        }

        boolean stuck() {
            int now = legacy.inFlight();
            if (now != lastSeen || server.counter().inFlight() < requests) {
                lastSeen = now;
                since = System.nanoTime();
                return false;
            }
            return now < LIMIT && System.nanoTime() - since > STALLED.toNanos();
        }
    }
}
