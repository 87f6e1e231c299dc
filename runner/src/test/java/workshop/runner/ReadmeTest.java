package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("runner")
class ReadmeTest {
    @Test
    @DisplayName("a step's section starts at its heading; a # line in a code block is no heading")
    void sections() {
        Readme readme = new Readme("README.md", List.of(
                "# Module 01", "intro", "### 1.1 `GET /sync/` answers JSON", "text", "```python", "# not a heading", "```",
                "## 1.2 Read `ms`, and reject a bad one", "more", "## Watch it happen", "tail"));

        assertThat(readme.steps()).containsExactly("1.1", "1.2");
        Readme.Section first = readme.section("1.1");
        assertThat(first.title()).isEqualTo("`GET /sync/` answers JSON");
        assertThat(readme.lines(first)).containsExactly("text", "```python", "# not a heading", "```");
        assertThat(readme.lines(readme.section("1.2"))).containsExactly("more");
    }

    @Test
    @DisplayName("anchors are GitHub's: lower case, punctuation dropped, spaces to hyphens")
    void anchors() {
        assertThat(Readme.anchor("1.3 `GET /slow/?ms=N` blocks its thread")).isEqualTo("13-get-slowmsn-blocks-its-thread");
        assertThat(Readme.anchor("1.5 A fixed pool, like FastAPI's limit of 40")).isEqualTo("15-a-fixed-pool-like-fastapis-limit-of-40");
        assertThat(Readme.anchor("3.4 `execute` and `takeSubmissions`: work from other threads"))
                .isEqualTo("34-execute-and-takesubmissions-work-from-other-threads");
    }

    @Test
    @DisplayName("every step of module 01's README has a section (the runner links each one)")
    void moduleOne() throws Exception {
        Readme readme = Readme.of(Path.of("../module-01-sync"));

        assertThat(readme.steps()).containsExactly("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6");
        assertThat(Readme.plain(readme.section("1.3").title())).isEqualTo("GET /slow/?ms=N blocks its thread");
    }
}
