package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import workshop.common.BadRequestException;

@Tag("exercise")
@Tag("step-1.2")
@DisplayName("1.2 parseMillis")
class ParseMillisTest {

    @Test
    @DisplayName("1.2 parseMillis: absent means the default, numbers from 0 to MAX_MS are taken as they are")
    void goodValues() {
        assertThat(SyncEndpoints.parseMillis(null)).as("parseMillis(null)").isEqualTo(SyncEndpoints.DEFAULT_MS);
        assertThat(SyncEndpoints.parseMillis("0")).as("parseMillis(\"0\")").isZero();
        assertThat(SyncEndpoints.parseMillis("250")).as("parseMillis(\"250\")").isEqualTo(250);
        assertThat(SyncEndpoints.parseMillis(String.valueOf(SyncEndpoints.MAX_MS)))
                .as("parseMillis(MAX_MS)").isEqualTo(SyncEndpoints.MAX_MS);
    }

    @DisplayName("1.2 parseMillis rejects bad input with BadRequestException")
    @ParameterizedTest(name = "parseMillis({0}) throws BadRequestException")
    @ValueSource(strings = {"abc", "-1", "10001", "1.5", "", "99999999999999999999"})
    void badValues(String raw) {
        Throwable thrown = catchThrowable(() -> SyncEndpoints.parseMillis(raw));
        assertThat(thrown).as("what parseMillis(\"%s\") threw (it must reject this input)", raw)
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("ms");
    }
}
