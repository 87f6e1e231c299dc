package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("runner")
class HintsTest {
    private static final List<String> HINTS_MD = List.of(
            "# Module 01: hints", "Read these one at a time.",
            "## 1.1 `GET /sync/` answers JSON", "### Nudge", "Look at JsonResponse.", "", "### API", "`JsonResponse.ok`", "### Code",
            "```java", "### not a level, in code", "return JsonResponse.ok(\"message\", \"sync\");", "```",
            "## 1.2 Read `ms`", "### Nudge", "Long.parseLong throws.", "## Not a step", "### Ignored", "text");

    @Test
    @DisplayName("HINTS.md: a section per step, its levels in order, code blocks kept whole")
    void parse() {
        Map<String, List<Hints.Level>> hints = Hints.parse(HINTS_MD);

        assertThat(hints).containsOnlyKeys("1.1", "1.2");
        assertThat(hints.get("1.1")).extracting(Hints.Level::name).containsExactly("Nudge", "API", "Code");
        assertThat(hints.get("1.1").get(2).text()).isEqualTo(
                "```java\n### not a level, in code\nreturn JsonResponse.ok(\"message\", \"sync\");\n```");
        assertThat(hints.get("1.2")).singleElement().extracting(Hints.Level::text).isEqualTo("Long.parseLong throws.");
    }

    @Test
    @DisplayName("a README's <details> hint blocks serve until the module has a HINTS.md")
    void fromReadme() {
        Readme readme = new Readme("README.md", List.of("### 2.1 Virtual threads", "text",
                "<details><summary>Hint 1</summary>", "", "Use `Executors`.", "</details>",
                "<details><summary>Hint 2</summary>", "`newVirtualThreadPerTaskExecutor()`", "</details>",
                "<details><summary>Why does it scale?</summary>", "not a hint", "</details>", "### 2.2 Next"));

        Hints hints = Hints.fromReadme(readme);

        assertThat(hints.levels("2.1")).extracting(Hints.Level::name).containsExactly("Hint 1", "Hint 2");
        assertThat(hints.levels("2.1").get(0).text()).isEqualTo("Use `Executors`.");
        assertThat(hints.levels("2.2")).isEmpty();
    }

    @Test
    @DisplayName("each call shows the next level, remembered under target/; after the last, the last again")
    void oneLevelAtATime(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("HINTS.md"), HINTS_MD);
        Module module = new Module(dir, dir, dir.resolve("src/exercise/java"), dir, dir, dir.resolve("target/runner"));
        Readme readme = new Readme("README.md", List.of("### 1.1 `GET /sync/` answers JSON"));
        Step step = new Step("1.1", "`GET /sync/` answers JSON", "README.md#11", List.of(
                new FoundTest("id", "1.1 t", Set.of("exercise", "step-1.1"))));
        Terminal plain = new Terminal(System.out, false, false);

        assertThat(HintView.next(module, readme, step, plain)).startsWith("Hint 1 of 3 for 1.1 GET /sync/ answers JSON (Nudge)")
                .contains("  Look at JsonResponse.").contains("Ask again for the next one (API)");
        assertThat(HintView.next(module, readme, step, plain)).startsWith("Hint 2 of 3").contains("`JsonResponse.ok`");
        assertThat(HintView.next(module, readme, step, plain)).startsWith("Hint 3 of 3").contains("That was the last hint for 1.1");
        assertThat(HintView.next(module, readme, step, plain)).startsWith("Hint 3 of 3").contains("again: it was the last one");
        assertThat(dir.resolve("target/runner/hints.properties")).exists();
    }

    @Test
    @DisplayName("module 01's HINTS.md has the three levels, Nudge, API and Code, for every step with something to write")
    void moduleOne() throws Exception {
        Path dir = Path.of("../module-01-sync");
        Hints hints = Hints.of(dir, Readme.of(dir));

        assertThat(hints.source()).isEqualTo("HINTS.md");
        for (String step : List.of("1.1", "1.2", "1.3", "1.4", "1.5")) {
            assertThat(hints.levels(step)).as("levels of step %s", step).extracting(Hints.Level::name)
                    .containsExactly("Nudge", "API", "Code");
            assertThat(hints.levels(step)).allSatisfy(level -> assertThat(level.text()).isNotBlank());
        }
    }
}
