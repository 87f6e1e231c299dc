package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("runner")
class RenderTest {
    private static final String TODO = "TODO 1.2: turn the raw ms text into milliseconds in parseMillis() (README.md, step 1.2)";
    private final Render render = new Render(new Terminal(new PrintStream(PrintStream.nullOutputStream()), false, false),
            "src/exercise/java/");
    private final Step step = new Step("1.2", "Read `ms`, and reject a bad one", "README.md#12-read-ms-and-reject-a-bad-one",
            List.of(unit("a"), unit("b")));

    private static FoundTest unit(String method) {
        return new FoundTest("[class:P]/[method:" + method + "()]", "1.2 " + method, Set.of("exercise", "step-1.2"));
    }

    private static Results.Ran ran(String method, Result.Outcome outcome, String message, String where, String output) {
        FoundTest test = unit(method);
        return new Results.Ran(test, new Result(test.id(), outcome, message, where, output, 5));
    }

    @Test
    @DisplayName("a green step is one line")
    void green() {
        String text = render.verdict(step, List.of(ran("a", Result.Outcome.PASSED, "", "", ""),
                ran("b", Result.Outcome.PASSED, "", "", "")), 420, "type h");

        assertThat(text).isEqualTo("✓ 1.2 Read ms, and reject a bad one: all 2 tests pass (0.4 s)\n");
    }

    @Test
    @DisplayName("a red step shows each failing test: its name, its message, the learner's line, its output, then the README section")
    void red() {
        String text = render.verdict(step, List.of(ran("a", Result.Outcome.PASSED, "", "", ""),
                ran("b", Result.Outcome.FAILED, TODO, "workshop/sync/SyncEndpoints.java:39", "debug: raw=abc\n")), 1300, "type h and Enter");

        assertThat(text).isEqualTo("""
                ✗ 1.2 Read ms, and reject a bad one: 1 of 2 tests pass (1.3 s)

                  ✗ 1.2 b
                      TODO 1.2: turn the raw ms text into milliseconds in parseMillis() (README.md, step 1.2)
                      your code: src/exercise/java/workshop/sync/SyncEndpoints.java:39
                      it printed (last lines):
                        debug: raw=abc

                  Read: README.md#12-read-ms-and-reject-a-bad-one    Hint: type h and Enter
                """);
        assertThat(text).doesNotContain("\tat ");
    }

    @Test
    @DisplayName("tests that fail the same way are named together above their one message; past three ways, names only")
    void manyFailures() {
        List<Results.Ran> ran = new ArrayList<>(List.of("a", "b", "c", "d", "e").stream()
                .map(m -> ran(m, Result.Outcome.FAILED, TODO, "", "")).toList());
        ran.add(ran("f", Result.Outcome.FAILED, "expected: 200\n but was: 500", "", ""));

        String text = render.verdict(step, ran, 100, "");

        assertThat(text).startsWith("""
                ✗ 1.2 Read ms, and reject a bad one: 0 of 6 tests pass (0.1 s)

                  ✗ 1.2 a
                  ✗ 1.2 b
                  ✗ 1.2 c
                    and 2 more that fail the same way
                      TODO 1.2: turn the raw ms text into milliseconds in parseMillis() (README.md, step 1.2)

                  ✗ 1.2 f
                      expected: 200
                       but was: 500
                """);
        List<Results.Ran> fourWays = List.of("a", "b", "c", "d").stream()
                .map(m -> ran(m, Result.Outcome.FAILED, "message " + m, "", "")).toList();
        assertThat(render.verdict(step, fourWays, 100, "")).contains("\n  and 1 more way to fail:\n    ✗ 1.2 d\n");
    }

    @Test
    @DisplayName("compile errors: file:line, the message, the line of code and a caret under the column")
    void compileErrors() {
        String text = render.compileErrors(List.of(new RoomCompiler.Problem("src/exercise/java/workshop/sync/SyncEndpoints.java", 28, 50,
                "';' expected", "        return JsonResponse.ok(\"message\", \"sync\")")));

        assertThat(text).isEqualTo("""
                ✗ Your code does not compile (1 error):

                  src/exercise/java/workshop/sync/SyncEndpoints.java:28: ';' expected
                              return JsonResponse.ok("message", "sync")
                                                                       ^
                """);
    }

    @Test
    @DisplayName("a step line: ✓ or ✗ with tests passed, · before it ever ran, 'demo' for a step with nothing to write")
    void stepLines() {
        assertThat(render.stepLine(step, new Results.Status(2, 2, true, true))).startsWith("  ✓ 1.2 Read ms").endsWith(" 2/2");
        assertThat(render.stepLine(step, new Results.Status(1, 2, true, false))).startsWith("  ✗ 1.2").endsWith(" 1/2");
        assertThat(render.stepLine(step, new Results.Status(0, 0, false, false))).startsWith("  · 1.2").endsWith(" not run");
        Step demo = new Step("1.0", "Look around", "README.md#10", List.of(new FoundTest("d", "1.0 d", Set.of("demo"))));
        assertThat(render.stepLine(demo, new Results.Status(3, 3, true, false))).startsWith("  ✓ 1.0").endsWith(" 3/3  demo");
    }

    @Test
    @DisplayName("threads and sockets left behind by passing tests are named, with what that means for the next run")
    void leftovers() {
        Run run = new Run(60_000);
        run.accept(List.of("end", "a", "PASSED", "", "", "", "3"));
        run.accept(List.of("leftovers", "pool-1, pool-2", "1", "0"));

        assertThat(render.leftovers(run)).startsWith("! Left running after the tests: 2 threads (pool-1, pool-2) and 1 socket\n")
                .contains("The next run starts in a fresh JVM");
        assertThat(render.leftovers(new Run(60_000))).isEmpty();
        run.accept(List.of("end", "b", "FAILED", "boom", "", "", "3"));
        assertThat(render.leftovers(run)).as("after a failing test, which may have skipped its clean-up").isEmpty();
    }
}
