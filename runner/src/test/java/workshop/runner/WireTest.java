package workshop.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("runner")
class WireTest {
    @Test
    @DisplayName("a line keeps every field as it was: tabs, line breaks, backslashes, empty fields")
    void roundTrip() {
        String[] fields = {"end", "id\twith tab", "expected 1\nbut was 2\r\n", "C:\\path\\n", "", "last"};

        String line = Wire.line(fields);

        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(Wire.fields(line)).containsExactly(fields);
    }
}
