package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on a real (tiny) module: its worker JVM, the launcher, the class loaders, the bounds. */
@Tag("runner")
class SessionTest {
    /** A bound no fixture test gets near, even on a loaded machine. */
    private static final Map<String, String> BOUND = Map.of(
            JUnitConfig.DEFAULT_TIMEOUT, "30 s", "junit.jupiter.execution.timeout.mode", "enabled");
    /** Short bounds, so that the hang test takes seconds: JUnit's bound 1 s, then half a second of grace. */
    private static final Map<String, String> SHORT_BOUND = Map.of(
            JUnitConfig.DEFAULT_TIMEOUT, "1 s", "junit.jupiter.execution.timeout.mode", "enabled");

    @TempDir
    Path dir;
    private Module module;
    private Session session;

    @BeforeEach
    void build() throws IOException {
        module = FixtureModule.build(dir);
        session = new Session(module, BOUND, 500, 1_000, false); // no warm-up: these tests start many workers
    }

    /** The session of a test about the time bound: JUnit's bound is 1 s there. */
    private void shortBound() throws IOException {
        session.close();
        session = new Session(module, SHORT_BOUND, 500, 1_000, false);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    @DisplayName("finds the steps from the tests' tags (or a display name's step ID), titled and linked from the README")
    void findsSteps() throws Exception {
        compile();
        List<Step> steps = session.discover();

        assertThat(steps).extracting(Step::id).containsExactly("1.0", "1.1", "1.2", "1.3", "1.4", "1.5");
        Step first = session.step("1.1");
        assertThat(first.title()).isEqualTo("Greet `someone`");
        assertThat(first.link()).isEqualTo("README.md#11-greet-someone");
        assertThat(first.tests()).as("test methods of 1.1, the parameterized one once").hasSize(2);
        assertThat(first.exercise()).isTrue();
        assertThat(session.step("1.0").exercise()).as("1.0 has demo tests only").isFalse();
    }

    @Test
    @DisplayName("a step runs red with its TODO and the learner's line, then green after an edit, on freshly loaded classes,"
            + " in a worker warmed up first")
    void redThenGreen() throws Exception {
        session.close();
        session = new Session(module, BOUND, 500, 1_000, true); // a worker that warms up first, as the learner's does
        compile();
        session.discover();
        Step step = session.step("1.1");

        session.run(step.tests());
        List<Results.Ran> red = session.results().of(step);
        assertThat(red).as("1 test and 2 runs of the parameterized one").hasSize(3).noneMatch(Results.Ran::passed);
        assertThat(red.get(0).result().message()).startsWith("TODO 1.1: return \"hello, \" + name");
        assertThat(red.get(0).result().where()).isEqualTo("fixture/Greeter.java:8");
        assertThat(red).extracting(r -> r.test().name()).contains("1.1 greet names anyone [greet(\"Bo\")]");

        FixtureModule.writeGreeter(module, true);
        compile();
        session.run(step.tests());

        assertThat(session.results().of(step)).hasSize(3).allMatch(Results.Ran::passed);
        assertThat(session.results().status(step).done()).isTrue();
    }

    @Test
    @DisplayName("a test deaf to interrupts is stopped after its bound, named with where it waited, and the next run starts clean")
    void hangIsStopped() throws Exception {
        shortBound();
        compile();
        session.discover();

        Run hung = session.run(session.step("1.2").tests());

        assertThat(hung.stuck).as("the stuck test's ID").contains("HangTest");
        Result result = hung.results.get(hung.stuck);
        assertThat(result.outcome()).isEqualTo(Result.Outcome.HUNG);
        assertThat(result.message()).contains("time bound of 1 s");
        assertThat(result.where()).startsWith("fixture/HangTest.java:");
        assertThat(hung.tests.get(hung.stuck).name()).isEqualTo("1.2 waits forever, deaf to interrupts");

        Run next = session.run(session.step("1.1").tests());
        assertThat(next.broken).as("what broke the run after the hang").isNull();
        assertThat(next.results).hasSize(3);
    }

    @Test
    @DisplayName("threads, sockets and work in the common pool a run leaves behind are named, and the next run gets a fresh JVM")
    void leftoversAreReported() throws Exception {
        compile();
        session.discover();

        Run leaky = session.run(session.step("1.3").tests());

        assertThat(leaky.leftoverThreads).containsExactly("fixture-leak");
        if (Leftovers.openSockets() >= 0) {
            assertThat(leaky.leftoverSockets).as("sockets left open").isEqualTo(1);
        }
        assertThat(leaky.poisoned()).isTrue();
        Run next = session.run(session.step("1.0").tests());
        assertThat(next.leftoverThreads).as("threads left by the run after, in the new JVM").isEmpty();
        Result demo = next.results.values().iterator().next();
        assertThat(demo.passed()).isTrue();
        assertThat(demo.output()).as("what the test printed, kept for it").isEqualTo("looking around\n");

        Run busy = session.run(session.step("1.5").tests());
        assertThat(busy.leftoverThreads).as("work queued in the JVM's common pool, which no class loader can drop")
                .singleElement().asString().startsWith("the common ForkJoinPool (still busy");
        assertThat(busy.poisoned()).isTrue();
    }

    @Test
    @DisplayName("a port already in use is said in plain words")
    void portInUse() throws Exception {
        compile();
        session.discover();

        Run run = session.run(session.step("1.4").tests());

        assertThat(run.results.values()).singleElement()
                .satisfies(r -> assertThat(r.message()).startsWith("A port was already in use"));
    }

    @Test
    @DisplayName("closing the session, as Ctrl+C does, ends the test JVM even while a test hangs")
    void closeLeavesNothing() throws Exception {
        shortBound();
        compile();
        session.discover();
        assertThat(ProcessHandle.current().descendants().count()).as("the worker JVM").isEqualTo(1);
        CompletableFuture<Run> hanging = CompletableFuture.supplyAsync(() -> {
            try {
                return session.run(session.step("1.2").tests());
            } catch (Exception e) {
                return null;
            }
        });
        Thread.sleep(300); // the hanging test has started, or soon will

        session.close();

        await("the worker JVM to end").atMost(Duration.ofSeconds(15))
                .until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
        hanging.get();
    }

    @Test
    @DisplayName("results are kept per version of the code: an edit forgets them, an unchanged room reuses them")
    void resultsFollowTheCode() throws Exception {
        compile();
        session.discover();
        session.run(session.step("1.1").tests());
        session.close();

        Session again = new Session(module, BOUND, 500, 1_000, false);
        try {
            assertThat(again.resultsAreCurrent()).as("the same code").isTrue();
            assertThat(again.keptSteps()).hasSize(6);
            assertThat(again.results().status(again.step("1.1")).total()).isEqualTo(3);
            Files.writeString(module.room().resolve("fixture/Greeter.java"), "\n// an edit\n", StandardOpenOption.APPEND);
            assertThat(again.resultsAreCurrent()).as("after an edit").isFalse();
        } finally {
            again.close();
        }
    }

    private void compile() throws IOException {
        RoomCompiler.Outcome outcome = session.compile();
        assertThat(outcome.problems()).as("compile errors of the fixture").isEmpty();
    }
}
