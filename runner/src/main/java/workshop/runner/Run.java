package workshop.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one request to the worker did: the tests it ran, in order, with their results, and what the
 * run left behind. Built from the worker's answer lines.
 */
final class Run {
    final Map<String, FoundTest> tests = new LinkedHashMap<>();
    final Map<String, Result> results = new LinkedHashMap<>();
    /** Each ended test's own time bound in milliseconds ({@link TestBounds}), for the known-mistakes check. */
    final Map<String, Long> bounds = new LinkedHashMap<>();
    final List<String> leftoverThreads = new ArrayList<>();
    int leftoverSockets;
    /** Daemon threads the run left (the kit's shared timers among them): not reported, but they add up. */
    int leftoverDaemons;
    /** The test that outlived its bound, or null. */
    String stuck;
    /** Why the run ended early, or null: the worker's JVM ended, or it failed to start the request. */
    String broken;
    private String running;
    private final long boundMillis;

    /** @param boundMillis a test's time bound, for the message of a test that outlived it */
    Run(long boundMillis) {
        this.boundMillis = boundMillis;
    }

    /** Takes one answer line of the worker. */
    void accept(List<String> answer) {
        switch (answer.get(0)) {
            case "test" -> tests.put(answer.get(1), new FoundTest(answer.get(1), answer.get(2), tags(answer.get(3))));
            case "start" -> running = answer.get(1);
            case "end" -> {
                results.put(answer.get(1), new Result(answer.get(1), Result.Outcome.valueOf(answer.get(2)), answer.get(3),
                        answer.get(4), answer.get(5), Long.parseLong(answer.get(6))));
                bounds.put(answer.get(1), answer.size() > 7 ? Long.parseLong(answer.get(7)) : boundMillis);
                running = null;
            }
            case "stuck" -> {
                stuck = answer.get(1);
                tests.putIfAbsent(stuck, new FoundTest(stuck, stuck, Set.of()));
                results.put(stuck, new Result(stuck, Result.Outcome.HUNG, "still running after its time bound of "
                        + seconds(boundMillis) + ", so it was stopped (the same bound as in Maven). It ignored the interrupt"
                        + " JUnit sent at the bound: look for a wait with no timeout, or a loop that never checks"
                        + " Thread.interrupted().", answer.get(2), "", boundMillis));
                bounds.put(stuck, boundMillis);
            }
            case "leftovers" -> {
                if (!answer.get(1).isEmpty()) {
                    leftoverThreads.addAll(List.of(answer.get(1).split(", ")));
                }
                leftoverSockets = Integer.parseInt(answer.get(2));
                leftoverDaemons = answer.size() > 3 ? Integer.parseInt(answer.get(3)) : 0;
            }
            case "error" -> broken = answer.get(1);
            default -> {
                // "done", or a line of a newer worker: nothing to keep
            }
        }
    }

    /** The worker's JVM ended before the run did. */
    void died(String why) {
        if (stuck != null) {
            return; // the worker ended itself after naming the stuck test
        }
        broken = why;
        if (running != null && !results.containsKey(running)) {
            results.put(running, new Result(running, Result.Outcome.FAILED, why, "", "", 0));
        }
    }

    /** True when the worker's JVM should not serve another run: it is gone, or something is still running in it. */
    boolean poisoned() {
        return stuck != null || broken != null || !leftoverThreads.isEmpty() || leftoverSockets > 0;
    }

    private static Set<String> tags(String field) {
        return field.isEmpty() ? Set.of() : Set.of(field.split(","));
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }
}
