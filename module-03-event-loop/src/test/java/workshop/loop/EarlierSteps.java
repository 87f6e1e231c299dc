package workshop.loop;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * For a test that goes through an earlier step's methods: while one of them still throws its TODO, the test
 * fails at once with "step 3.N must be green first" and that TODO, instead of with another step's bare TODO,
 * or after waiting 10 s for a loop thread that died at its first turn (a server test with no runOnce yet
 * would do that, 55 times over).
 *
 * <p>Each earlier step is probed once per run, on a loop of its own: its methods are called and only a
 * starter's TODO counts, and two mistakes that would make every later test hang: a sleep() that blocks its
 * caller (the HTTP server's /slow/ route sleeps on the loop thread), and a started loop that does not run a
 * task queued by another task, or a timer, within 2 s. Whatever else a written method does,
 * right or wrong, is left to the tests' own assertions, so nothing here can turn a test green.
 */
final class EarlierSteps {
    /** A starter's instruction, also when it reaches us inside another exception's message. */
    private static final Pattern TODO = Pattern.compile("TODO (\\d+)\\.(\\d+): [^\\n]*?\\(README\\.md, step \\d+\\.\\d+\\)");
    /** What each step's probe calls, for the message. */
    private static final Map<String, String> METHODS = Map.of(
            "3.1", "callSoon() and runReady()",
            "3.2", "earlierFirst(), callLater() and moveDueTimers()",
            "3.3", "sleep()",
            "3.4", "execute() and takeSubmissions()",
            "3.5", "selectTimeoutMillis() and runOnce()");
    /** What the 3.3 probe records when sleep() did not return at once. */
    private static final String SLEEP_BLOCKS = "sleep blocks";
    /** What the 3.5 probe records, followed by what it saw, when a started loop stalls. */
    private static final String LOOP_STALLS = "loop stalls: ";
    /** Step ID to the TODO its probe met (empty: none). Probed once per class loader, that is once per run. */
    private static final Map<String, String> PROBED = new LinkedHashMap<>();

    private EarlierSteps() {
    }

    /**
     * Fails when one of the {@code earlier} steps (in the order given) still throws a TODO of a step before
     * {@code step}.
     *
     * @param step    the calling test's step, for example {@code "3.5"}
     * @param how     how the test goes through the earlier code, for example {@code "runs timers on your loop"}
     * @param earlier the steps whose methods the test calls, for example {@code "3.1", "3.2"}
     */
    static void mustBeGreen(String step, String how, String... earlier) {
        for (String needed : earlier) {
            String todo = probe(needed);
            if (todo.startsWith(LOOP_STALLS) && isBefore(needed, step)) {
                throw new AssertionError("step 3.5 must be green first: this test of step " + step + " " + how
                        + ", and your loop, started, " + todo.substring(LOOP_STALLS.length()) + " (README.md, step 3.5)");
            }
            if (todo.equals(SLEEP_BLOCKS) && isBefore(needed, step)) {
                throw new AssertionError("step 3.3 must be green first: this test of step " + step + " " + how
                        + ", which needs your sleep() (step 3.3), and your sleep(1 h) had not returned after 1 s: it blocks"
                        + " its caller, on the loop thread every other task, timer and socket too (README.md, step 3.3)");
            }
            Matcher found = TODO.matcher(todo);
            if (found.find() && isBefore(found.group(1) + "." + found.group(2), step)) {
                String unfinished = found.group(1) + "." + found.group(2);
                throw new AssertionError("step " + unfinished + " must be green first: this test of step " + step + " "
                        + how + ", which needs your " + METHODS.get(needed) + " (step " + needed + "), and "
                        + "your code still says:\n" + found.group());
            }
        }
    }

    /** The given HTTP server on your loop: accept, read, deadlines, /slow/'s sleep, execute and the turns. */
    static void serverMustRun(String step) {
        mustBeGreen(step, "runs the given HTTP server on your loop", "3.1", "3.2", "3.3", "3.4", "3.5");
    }

    private static synchronized String probe(String step) {
        return PROBED.computeIfAbsent(step, EarlierSteps::run);
    }

    private static String run(String step) {
        try (EventLoop loop = new EventLoop()) {
            loop.printReports(false);
            switch (step) {
                case "3.1" -> {
                    loop.callSoon(() -> { });
                    loop.runReady();
                }
                case "3.2" -> {
                    Timer timer = new Timer(0, 0, () -> { }, loop);
                    EventLoop.earlierFirst(timer, timer);
                    loop.callLater(Duration.ZERO, () -> { });
                    loop.moveDueTimers(System.nanoTime());
                }
                case "3.3" -> {
                    return sleepReturnsAtOnce(loop);
                }
                case "3.4" -> {
                    loop.execute(() -> { }); // the loop is not started: this thread is "another thread"
                    loop.takeSubmissions();
                }
                case "3.5" -> {
                    loop.selectTimeoutMillis(System.nanoTime());
                    return firstTurn(loop);
                }
                default -> throw new IllegalArgumentException("no probe for step " + step);
            }
            return "";
        } catch (RuntimeException | Error thrown) {
            return todoIn(thrown);
        }
    }

    /** Calls sleep(1 h) on a thread of its own: a TODO, or {@link #SLEEP_BLOCKS} when it has not returned after 1 s. */
    private static String sleepReturnsAtOnce(EventLoop loop) {
        CompletableFuture<Void> call = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().name("probes-sleep").daemon().start(() -> {
            try {
                loop.sleep(Duration.ofHours(1));
                call.complete(null);
            } catch (Throwable t) {
                call.completeExceptionally(t);
            }
        });
        try {
            call.get(1, TimeUnit.SECONDS);
            return "";
        } catch (TimeoutException blocked) {
            caller.interrupt(); // leave no thread behind, asleep for an hour
            return SLEEP_BLOCKS;
        } catch (ExecutionException e) {
            return todoIn(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Starts the loop: a runOnce() that throws kills the thread at its first turn; a written one blocks in select. */
    private static String firstTurn(EventLoop loop) {
        loop.start();
        try {
            await("the started loop to block in select or stop with a failure").atMost(Duration.ofSeconds(5))
                    .until(() -> loop.failure() != null || loop.isBlockedInSelect());
        } catch (ConditionTimeoutException busy) {
            return ""; // a loop that never sleeps is not a TODO: the step's own tests say what is wrong with it
        }
        if (loop.failure() != null) {
            return todoIn(loop.failure());
        }
        return stalls(loop);
    }

    /**
     * On a started loop: a task that queues another with callSoon, then a 10 ms timer, each must run within 2 s,
     * else {@link #LOOP_STALLS} and what was seen. Run by the loop thread, like everything the server does.
     */
    private static String stalls(EventLoop loop) {
        CompletableFuture<Void> followUp = new CompletableFuture<>();
        loop.execute(() -> loop.callSoon(() -> followUp.complete(null)));
        if (!doneWithin(followUp)) {
            return LOOP_STALLS + "did not run a task queued with callSoon by another task within 2 s (the loop thread "
                    + state(loop) + ")";
        }
        CompletableFuture<Void> timer = new CompletableFuture<>();
        loop.execute(() -> loop.callLater(Duration.ofMillis(10), () -> timer.complete(null)));
        if (!doneWithin(timer)) {
            return LOOP_STALLS + "did not fire a 10 ms timer within 2 s (the loop thread " + state(loop) + ")";
        }
        return "";
    }

    private static String state(EventLoop loop) {
        if (loop.failure() != null) {
            return "stopped with " + loop.failure();
        }
        return loop.isBlockedInSelect() ? "is blocked in select" : "is busy";
    }

    private static boolean doneWithin(CompletableFuture<Void> future) {
        try {
            future.get(2, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String todoIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && TODO.matcher(t.getMessage()).find()) {
                return t.getMessage();
            }
        }
        return "";
    }

    private static boolean isBefore(String earlier, String step) {
        String[] a = earlier.split("\\.");
        String[] b = step.split("\\.");
        int byModule = Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0]));
        return byModule < 0 || byModule == 0 && Integer.parseInt(a[1]) < Integer.parseInt(b[1]);
    }
}
