package workshop.pitfalls;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import workshop.common.TestClient;
import workshop.common.Timeline;
import workshop.loop.EventLoop;
import workshop.loop.SlowCallback;
import workshop.loop.http.ServerOptions;

/** What the loop tests share: a server with test settings, a warm-up, and questions to ask the loop. */
final class LoopTesting {
    /** Twice the loop's default: a cold JVM on a busy laptop must not trip it, a 300 ms stall always does. */
    static final Duration THRESHOLD = Duration.ofMillis(200);

    private LoopTesting() {
    }

    static PitfallServer start(PitfallServer.Settings settings) {
        return PitfallServer.start(ServerOptions.defaults(), settings.withSlowCallbackThreshold(THRESHOLD));
    }

    static PitfallServer start() {
        return start(PitfallServer.Settings.defaults());
    }

    /**
     * One quick request first, so class loading and the first connection are not part of what the
     * test looks at; returns how many slow callbacks the loop had reported until then.
     */
    static int warmUp(PitfallServer server, TestClient client) {
        client.get("/sync/");
        server.loop().runOnLoop(() -> null); // the warm-up's tasks have ended, and any slow one is on the list
        return server.slowCallbacks().size();
    }

    /**
     * The slow callbacks reported since the warm-up. A task is measured when it ends, which can be
     * just after its answer reached the client: so first let the loop finish the task it is running.
     */
    static List<SlowCallback> slowSince(PitfallServer server, int seenBefore) {
        server.loop().runOnLoop(() -> null);
        List<SlowCallback> all = server.slowCallbacks();
        return all.subList(Math.min(seenBefore, all.size()), all.size());
    }

    /**
     * The slow callbacks of one route since the warm-up. Exercise tests check only their own
     * route: on an overloaded laptop the OS may pause the loop thread anywhere for a moment, but a
     * handler that keeps the loop free is never the one reported.
     */
    static List<SlowCallback> slowHandlers(PitfallServer server, int seenBefore, String route) {
        return slowSince(server, seenBefore).stream().filter(slow -> slow.name().equals(route)).toList();
    }

    static String describe(List<SlowCallback> slow) {
        return slow.isEmpty() ? "none" : slow.stream()
                .map(s -> String.format("%s held the loop %.0f ms", s.name(), s.durationMs()))
                .collect(Collectors.joining("; "));
    }

    /** Whether the loop runs a task handed to it within {@code atMost}: false when something blocks its thread. */
    static boolean loopAnswers(EventLoop loop, Duration atMost) throws InterruptedException {
        CompletableFuture<Void> ran = new CompletableFuture<>();
        loop.execute(() -> ran.complete(null));
        try {
            ran.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Completes every pending catalog lookup from the test thread until the loop runs tasks again:
     * frees a loop thread stuck in {@code join()} on a lookup (4.5), so the test ends and leaves nothing behind.
     */
    static void rescue(PitfallServer server) {
        Waits.until("the loop running tasks again once the test answered the pending lookups itself",
                Duration.ofSeconds(10), () -> {
                    server.catalog().rescueFromOutside();
                    return loopAnswers(server.loop(), Duration.ofMillis(100));
                }, () -> "the loop thread stayed stuck: something else blocks it");
    }

    /**
     * The timeline a passing test prints: the requests from {@code firstId} on (the warm-up's come
     * first), at most {@code rows} of them, evenly spread.
     */
    static String timeline(PitfallServer server, int firstId, int rows) {
        return Timeline.render(server.counter().spans().stream().filter(span -> span.id() >= firstId).toList(), rows);
    }

    /** Waits (bounded) for a reply that must come. */
    static TestClient.Reply reply(CompletableFuture<TestClient.Reply> reply) throws Exception {
        return reply.get(15, TimeUnit.SECONDS);
    }
}
