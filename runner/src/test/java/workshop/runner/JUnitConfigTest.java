package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("runner")
class JUnitConfigTest {
    @Test
    @DisplayName("reads Surefire's configurationParameters from the kit's root pom: the runner's JUnit configuration is Maven's")
    void readsTheRootPom() throws Exception {
        Map<String, String> config = JUnitConfig.fromPom(Path.of("../pom.xml"));

        assertThat(config).containsEntry(JUnitConfig.DEFAULT_TIMEOUT, "60 s")
                .containsEntry("junit.jupiter.execution.timeout.mode", "enabled");
        assertThat(JUnitConfig.defaultTimeoutMillis(config)).isEqualTo(60_000);
    }

    @Test
    @DisplayName("reads JUnit's durations: 60 s, 500 ms, 2 m, a bare number as seconds; anything else falls back to 60 s")
    void durations() {
        assertThat(JUnitConfig.defaultTimeoutMillis(Map.of(JUnitConfig.DEFAULT_TIMEOUT, "60 s"))).isEqualTo(60_000);
        assertThat(JUnitConfig.defaultTimeoutMillis(Map.of(JUnitConfig.DEFAULT_TIMEOUT, "500ms"))).isEqualTo(500);
        assertThat(JUnitConfig.defaultTimeoutMillis(Map.of(JUnitConfig.DEFAULT_TIMEOUT, "2 m"))).isEqualTo(120_000);
        assertThat(JUnitConfig.defaultTimeoutMillis(Map.of(JUnitConfig.DEFAULT_TIMEOUT, "5"))).isEqualTo(5_000);
        assertThat(JUnitConfig.defaultTimeoutMillis(Map.of(JUnitConfig.DEFAULT_TIMEOUT, "soon"))).isEqualTo(60_000);
        assertThat(JUnitConfig.defaultTimeoutMillis(Map.of())).isEqualTo(60_000);
    }
}
