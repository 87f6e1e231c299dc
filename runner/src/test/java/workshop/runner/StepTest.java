package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("runner")
class StepTest {
    private static FoundTest test(String name, String... tags) {
        return new FoundTest("[engine:junit-jupiter]/[class:X]/[method:" + name.hashCode() + "()]", name, Set.of(tags));
    }

    @Test
    @DisplayName("a test's step is its step-N.M tag, or else the step ID its display name starts with")
    void stepOfATest() {
        assertThat(test("1.3 GET /slow/", "exercise", "step-1.3").step()).isEqualTo("1.3");
        assertThat(test("2.0 an unknown path answers 404", "demo").step()).isEqualTo("2.0");
        assertThat(test("no step here", "demo").step()).isEmpty();
        assertThat(test("x", "exercise").exercise()).isTrue();
        assertThat(test("x", "demo").exercise()).isFalse();
    }

    @Test
    @DisplayName("steps come in course order (1.2 before 1.10), titled and linked from the README, or from a test's name")
    void steps() {
        Readme readme = new Readme("README.md", List.of("### 1.2 Read `ms`", "### 1.10 Last"));
        List<Step> steps = Step.of(List.of(test("1.10 last one", "exercise", "step-1.10"), test("1.2 parses", "exercise", "step-1.2"),
                test("1.0 routing", "demo"), test("1.2 rejects", "demo", "step-1.2")), readme);

        assertThat(steps).extracting(Step::id).containsExactly("1.0", "1.2", "1.10");
        assertThat(steps.get(0).title()).as("no README section: the test's name").isEqualTo("routing");
        assertThat(steps.get(0).link()).isEqualTo("README.md");
        assertThat(steps.get(1).link()).isEqualTo("README.md#12-read-ms");
        assertThat(steps.get(1).tests()).hasSize(2);
        assertThat(steps.get(0).exercise()).isFalse();
        assertThat(steps.get(1).exercise()).isTrue();
    }

    @Test
    @DisplayName("a parameterized test's runs belong to it: the unit covers its invocations' IDs")
    void covers() {
        FoundTest unit = new FoundTest("[class:A]/[test-template:t(int)]", "1.5 t", Set.of("step-1.5"));

        assertThat(unit.covers("[class:A]/[test-template:t(int)]/[test-template-invocation:#1]")).isTrue();
        assertThat(unit.covers("[class:A]/[test-template:t(int)]")).isTrue();
        assertThat(unit.covers("[class:A]/[test-template:t(int, int)]")).isFalse();
    }
}
