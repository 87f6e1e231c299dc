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
        assertThat(accepted(null)).as("parseMillis(null): no ms means the default").isEqualTo(SyncEndpoints.DEFAULT_MS);
        assertThat(accepted("0")).as("parseMillis(\"0\")").isZero();
        assertThat(accepted("250")).as("parseMillis(\"250\")").isEqualTo(250);
        assertThat(accepted(String.valueOf(SyncEndpoints.MAX_MS)))
                .as("parseMillis(MAX_MS)").isEqualTo(SyncEndpoints.MAX_MS);
    }

    @DisplayName("1.2 parseMillis rejects bad input with BadRequestException")
    @ParameterizedTest(name = "parseMillis({0}) throws BadRequestException")
    @ValueSource(strings = {"abc", "-1", "10001", "1.5", "", "99999999999999999999"})
    void badValues(String raw) {
        long[] returned = new long[1];
        Throwable thrown = catchThrowable(() -> returned[0] = SyncEndpoints.parseMillis(raw));
        if (thrown == null) {
            throw new AssertionError(String.format("parseMillis(\"%s\") returned %d, but it must reject this input with"
                    + " BadRequestException: only whole numbers from 0 to MAX_MS (%d) are allowed (README.md, step 1.2)",
                    raw, returned[0], SyncEndpoints.MAX_MS));
        }
        assertThat(thrown).as("what parseMillis(\"%s\") threw (it must reject this input with BadRequestException,"
                        + " which the server answers with 400; any other exception becomes a 500: README.md, step 1.2)", raw)
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("ms");
    }

    /** What parseMillis returned for a good value; a throw fails the test with the value that was refused. */
    private static long accepted(String raw) {
        try {
            return SyncEndpoints.parseMillis(raw);
        } catch (BadRequestException e) {
            throw new AssertionError(String.format("parseMillis(%s) must accept it (absent means %d ms; 0 to MAX_MS, %d,"
                    + " are taken as they are), but it threw BadRequestException: %s (README.md, step 1.2)",
                    raw == null ? "null" : "\"" + raw + "\"", SyncEndpoints.DEFAULT_MS, SyncEndpoints.MAX_MS, e.getMessage()), e);
        }
    }
}
