package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("runner")
class PatchTest {
    private static final String FINISHED = """
            class Loop {
                void takeSubmissions() {
                    wakeupPending.set(false);
                    drain();
                }
            }
            """;

    @Test
    @DisplayName("a known mistake kept as diff -u output turns the finished file into the wrong one")
    void applies() {
        String diff = """
                --- finished/Loop.java
                +++ wrong/Loop.java
                @@ -1,6 +1,6 @@
                 class Loop {
                     void takeSubmissions() {
                -        wakeupPending.set(false);
                         drain();
                +        wakeupPending.set(false);
                     }
                 }
                """;

        assertThat(Patch.apply(FINISHED, diff)).isEqualTo("""
                class Loop {
                    void takeSubmissions() {
                        drain();
                        wakeupPending.set(false);
                    }
                }
                """);
    }

    @Test
    @DisplayName("a hunk that only adds lines, after the line its header names, and the lines after it are kept")
    void addsOnly() {
        String diff = """
                @@ -2,0 +3 @@
                +        int turns = 0;
                """;

        assertThat(Patch.apply(FINISHED, diff).lines().toList())
                .containsExactly("class Loop {", "    void takeSubmissions() {", "        int turns = 0;",
                        "        wakeupPending.set(false);", "        drain();", "    }", "}");
    }

    @Test
    @DisplayName("a patch whose lines the finished file no longer has is refused, naming the line, never applied loosely")
    void refusesAStalePatch() {
        String diff = """
                @@ -3,1 +3,1 @@
                -        wakeupPending.clear();
                +        drain();
                """;

        assertThatThrownBy(() -> Patch.apply(FINISHED, diff)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at line 3 of the finished file the patch expects 'wakeupPending.clear();'")
                .hasMessageContaining("finds 'wakeupPending.set(false);'");
        assertThatThrownBy(() -> Patch.apply(FINISHED, "just words")).hasMessageContaining("no hunk");
    }
}
