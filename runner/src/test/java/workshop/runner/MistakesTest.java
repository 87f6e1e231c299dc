package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The known-mistakes check (the self-check's third direction) on the fixture module, and what it reads. */
@Tag("runner")
class MistakesTest {
    private static final Map<String, String> BOUND = Map.of(
            JUnitConfig.DEFAULT_TIMEOUT, "30 s", "junit.jupiter.execution.timeout.mode", "enabled");
    private static final String GREETER = "fixture/Greeter.java";

    @TempDir
    Path dir;

    @Test
    @DisplayName("each known mistake is judged on the finished files with its own written over them: red with its words,"
            + " green, other words, too slow, or not checkable, one after another in one warm worker")
    void judgesEachMistake() throws Exception {
        Module module = FixtureModule.build(dir.resolve("module"));
        FixtureModule.writeGreeter(module, true);
        Path finished = module.room();
        Path wrong = dir.resolve("wrong");
        mistake(wrong, "1.1-shouts", "step: 1.1\nmistake: shouts\nmessage: but was: \"HELLO, Ada\"\n", greeter("\"HELLO, \" + name"));
        mistake(wrong, "1.1-finished", "step: 1.1\nmessage: anything\n", greeter("\"hello, \" + name"));
        mistake(wrong, "1.1-other-words", "step: 1.1\nmessage: words no test says\n", greeter("\"HELLO, \" + name"));
        mistake(wrong, "1.1-slow", "step: 1.1\nmessage: HELLO\nwithin: 200 ms\n",
                greeter("sleepThen(\"HELLO, \" + name)").replace("    private Greeter() {",
                        "    private static String sleepThen(String s) {\n        try {\n            Thread.sleep(400);\n"
                                + "        } catch (InterruptedException e) {\n            throw new IllegalStateException(e);\n"
                                + "        }\n        return s;\n    }\n\n    private Greeter() {"));
        mistake(wrong, "1.1-no-compile", "step: 1.1\nmessage: x\n", greeter("nobody"));
        mistake(wrong, "9.9-no-step", "step: 9.9\nmessage: x\n", greeter("\"HELLO, \" + name"));
        Files.createDirectories(wrong.resolve("1.1-flat"));
        Files.writeString(wrong.resolve("1.1-flat/Greeter.java"), greeter("\"HELLO, \" + name"));
        Files.writeString(wrong.resolve("1.1-flat/expect"), "step: 1.1\nmessage: x\n");

        try (Session session = new Session(module, BOUND, 500, 1_000, false)) {
            List<Step> steps = session.discover();
            Map<String, Mistakes.Verdict> verdicts = new TreeMap<>();
            for (Path folder : Mistakes.folders(wrong, null)) {
                Mistakes.Verdict v = Mistakes.check(session, module, steps, folder, finished);
                verdicts.put(v.name(), v);
            }

            assertThat(verdicts.get("1.1-shouts").kind()).as("%s", verdicts.get("1.1-shouts")).isEqualTo(Mistakes.Kind.RED);
            assertThat(verdicts.get("1.1-shouts").what()).isEqualTo("shouts");
            assertThat(verdicts.get("1.1-finished").kind()).isEqualTo(Mistakes.Kind.GREEN);
            assertThat(verdicts.get("1.1-finished").detail()).contains("stayed green");
            assertThat(verdicts.get("1.1-other-words").kind()).isEqualTo(Mistakes.Kind.WORDS);
            assertThat(verdicts.get("1.1-other-words").detail()).contains("words no test says").contains("HELLO, Ada");
            assertThat(verdicts.get("1.1-slow").kind()).as("%s", verdicts.get("1.1-slow")).isEqualTo(Mistakes.Kind.SLOW);
            assertThat(verdicts.get("1.1-no-compile").kind()).isEqualTo(Mistakes.Kind.BROKEN);
            assertThat(verdicts.get("1.1-no-compile").detail()).contains("does not compile").contains(GREETER + ":");
            assertThat(verdicts.get("9.9-no-step").detail()).contains("there is no step 9.9");
            assertThat(verdicts.get("1.1-flat").detail()).contains("Greeter.java is not a learner file");
        }
        assertThat(Files.readString(finished.resolve(GREETER))).as("the finished file, untouched").contains("\"hello, \" + name");
    }

    @Test
    @DisplayName("a failing test's bound: its own @Timeout (method, then class), else the configured defaults")
    void bounds() throws Exception {
        TestBounds bounds = new TestBounds(Map.of(JUnitConfig.DEFAULT_TIMEOUT, "60 s",
                "junit.jupiter.execution.timeout.testtemplate.method.default", "20 s"));
        assertThat(bounds.of(Timed.class.getDeclaredMethod("own"), Timed.class, false)).isEqualTo(2_000);
        assertThat(bounds.of(Timed.class.getDeclaredMethod("inherits"), Timed.class, false)).isEqualTo(7_000);
        assertThat(bounds.of(MistakesTest.class.getDeclaredMethod("bounds"), MistakesTest.class, false)).isEqualTo(60_000);
        assertThat(bounds.of(MistakesTest.class.getDeclaredMethod("bounds"), MistakesTest.class, true)).isEqualTo(20_000);
    }

    @Test
    @DisplayName("an expect file: step, one or more message lines, within, mistake; comments and blank lines ignored")
    void readsExpect() throws Exception {
        Path finished = Files.createDirectories(dir.resolve("room/fixture"));
        Files.writeString(finished.resolve("Greeter.java"), "");
        mistake(dir.resolve("wrong"), "a", "# why\nstep: 1.1\n\nmessage: one\nmessage: two\nwithin: 3 s\nmistake: m\n", "");
        mistake(dir.resolve("wrong"), "b", "step: one\nwithin: soon\ncolour: red\n", "");

        KnownMistake a = KnownMistake.read(dir.resolve("wrong/a"), dir.resolve("room"));
        assertThat(a.problems()).isEmpty();
        assertThat(a.step()).isEqualTo("1.1");
        assertThat(a.messages()).containsExactly("one", "two");
        assertThat(a.withinMillis()).isEqualTo(3_000);
        assertThat(a.files()).containsExactly(Path.of(GREETER));
        KnownMistake b = KnownMistake.read(dir.resolve("wrong/b"), dir.resolve("room"));
        assertThat(b.problems()).hasSize(4).anyMatch(p -> p.contains("not a step ID")).anyMatch(p -> p.contains("within"))
                .anyMatch(p -> p.contains("unknown line")).anyMatch(p -> p.contains("no message"));
    }

    @Timeout(value = 7, unit = TimeUnit.SECONDS)
    static class Timed {
        @Timeout(2)
        void own() {
        }

        void inherits() {
        }
    }

    private static void mistake(Path wrong, String name, String expect, String greeter) throws IOException {
        Path folder = Files.createDirectories(wrong.resolve(name));
        Files.writeString(folder.resolve("expect"), expect);
        Path file = folder.resolve(GREETER);
        Files.createDirectories(file.getParent());
        Files.writeString(file, greeter);
    }

    /** The fixture's Greeter, returning {@code expression}. */
    private static String greeter(String expression) throws IOException {
        String source = Files.readString(FixtureModule.SOURCE.resolve("room/" + GREETER));
        return source.replaceAll("(?s)throw new UnsupportedOperationException\\(.*?\\);", "return " + expression + ";");
    }
}
