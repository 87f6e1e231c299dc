package workshop.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tests of a module and what they last did, for one version of the code: a fingerprint of the
 * learner's files and of the build's classes. When the code changes, the results are forgotten; while it
 * does not, {@code progress} and {@code hint} reuse them instead of running the tests again. Kept in
 * {@code target/runner/results.tsv}.
 */
final class Results {
    /**
     * A step's tests at a glance.
     *
     * @param passed tests that passed
     * @param total tests run or started (a parameterized test counts each run, as Maven does)
     * @param complete every test of the step has run
     * @param done every exercise test of the step has run and passed
     */
    record Status(int passed, int total, boolean complete, boolean done) {
    }

    /**
     * A test that ran or started, and its result.
     *
     * @param test the test
     * @param result what it did, or null when it never ended (the run stopped before it did)
     */
    record Ran(FoundTest test, Result result) {
        boolean passed() {
            return result != null && result.passed();
        }
    }

    private String fingerprint = "";
    private final List<FoundTest> units = new ArrayList<>();
    private final Map<String, FoundTest> tests = new LinkedHashMap<>();
    private final Map<String, Result> outcomes = new HashMap<>();

    /** Switches to a version of the code; forgets every result when it differs from the one kept. */
    void fingerprint(String value) {
        if (!value.equals(fingerprint)) {
            fingerprint = value;
            tests.clear();
            outcomes.clear();
        }
    }

    String fingerprint() {
        return fingerprint;
    }

    /** The tests as discovered: one per method. */
    List<FoundTest> units() {
        return List.copyOf(units);
    }

    void units(List<FoundTest> discovered) {
        units.clear();
        units.addAll(discovered);
    }

    /** Forgets what these tests did, before running them again. */
    void forget(Collection<FoundTest> rerun) {
        tests.keySet().removeIf(id -> rerun.stream().anyMatch(unit -> unit.covers(id)));
        outcomes.keySet().removeIf(id -> !tests.containsKey(id));
    }

    /** Keeps what a run did. */
    void record(Run run) {
        tests.putAll(run.tests);
        outcomes.putAll(run.results);
    }

    /** The step's tests that ran or started, in order, each with its result (null when it never ended). */
    List<Ran> of(Step step) {
        List<Ran> found = new ArrayList<>();
        for (FoundTest test : tests.values()) {
            if (step.tests().stream().anyMatch(unit -> unit.covers(test.id()))) {
                found.add(new Ran(test, outcomes.get(test.id())));
            }
        }
        return found;
    }

    Status status(Step step) {
        List<Ran> ran = of(step);
        int passed = (int) ran.stream().filter(Ran::passed).count();
        boolean complete = step.tests().stream().allMatch(this::ran);
        boolean done = step.tests().stream().filter(FoundTest::exercise).allMatch(unit -> ran(unit) && passed(unit));
        return new Status(passed, ran.size(), complete, done && step.exercise());
    }

    /** Unit tests of the step that have not run with this version of the code. */
    List<FoundTest> notRun(Collection<FoundTest> candidates) {
        return candidates.stream().filter(unit -> !ran(unit)).toList();
    }

    private boolean ran(FoundTest unit) {
        return tests.keySet().stream().anyMatch(id -> unit.covers(id) && outcomes.containsKey(id));
    }

    private boolean passed(FoundTest unit) {
        return tests.keySet().stream().filter(unit::covers).allMatch(id -> outcomes.get(id) != null && outcomes.get(id).passed());
    }

    void save(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(Wire.line("fingerprint", fingerprint));
        units.forEach(u -> lines.add(Wire.line("unit", u.id(), u.name(), String.join(",", u.tags()))));
        for (FoundTest t : tests.values()) {
            Result r = outcomes.get(t.id());
            if (r != null && r.outcome() != Result.Outcome.HUNG) {
                lines.add(Wire.line("test", t.id(), t.name(), String.join(",", t.tags()), r.outcome().name(), r.message(), r.where()));
            }
        }
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static Results load(Path file) {
        Results results = new Results();
        try {
            if (!Files.exists(file)) {
                return results;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                List<String> f = Wire.fields(line);
                switch (f.get(0)) {
                    case "fingerprint" -> results.fingerprint = f.get(1);
                    case "unit" -> results.units.add(new FoundTest(f.get(1), f.get(2), tags(f.get(3))));
                    case "test" -> {
                        results.tests.put(f.get(1), new FoundTest(f.get(1), f.get(2), tags(f.get(3))));
                        results.outcomes.put(f.get(1), new Result(f.get(1), Result.Outcome.valueOf(f.get(4)), f.get(5), f.get(6), "", 0));
                    }
                    default -> {
                        // a line of another version: ignored
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return new Results(); // a file from another version of the runner: start over
        }
        return results;
    }

    private static Set<String> tags(String field) {
        return field.isEmpty() ? Set.of() : Set.of(field.split(","));
    }
}
