package workshop.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workshop.common.Race;
import workshop.common.RaceHtml;
import workshop.common.RaceModel;
import workshop.common.RaceReport;
import workshop.pitfalls.PitfallRace;
import workshop.sync.SyncRace;

@DisplayName("The projector page: one shared time axis, one bar per request")
class RaceHtmlTest {
    private static final Pattern LANE = Pattern.compile("<g class=\"lane\" data-model=\"([^\"]*)\" data-requests=\"(\\d+)\">(.*?)</g>",
            Pattern.DOTALL);
    private static final Pattern BAR = Pattern.compile("<rect class=\"request\" x=\"([\\d.]+)\" y=\"[\\d.]+\" width=\"([\\d.]+)\"");

    @Test
    @DisplayName("a lane per model, a bar per request in it, and the serial model clipped at the axis' end")
    void oneBarPerRequest(@TempDir Path dir) throws IOException {
        List<RaceModel> models = List.of(SyncRace.models().get(1), SyncRace.models().get(2), PitfallRace.sleepOnTheLoop(),
                new RaceModel("unfinished", "a TODO", 1, (address, ms) -> {
                    throw new UnsupportedOperationException("TODO 4.1: not yet");
                }));
        RaceReport report = Race.run(models, 50, 100, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        String page = Files.readString(RaceHtml.write(report, "Test <race>", dir.resolve("page.html")));

        assertThat(page).contains("<title>Test &lt;race&gt;</title>", "data-axis-ms=");
        double axisEnd = 30 + 1000; // the plot's left margin plus its width
        Matcher lane = LANE.matcher(page);
        int lanes = 0;
        while (lane.find()) {
            lanes++;
            RaceReport.Row row = report.rows().stream().filter(r -> r.model().name().equals(lane.group(1))).findFirst().orElseThrow();
            Matcher bar = BAR.matcher(lane.group(3));
            int bars = 0;
            while (bar.find()) {
                bars++;
                double right = Double.parseDouble(bar.group(1)) + Double.parseDouble(bar.group(2));
                assertThat(right).as("right end of a bar of %s", row.model().name()).isLessThanOrEqualTo(axisEnd + 0.1);
            }
            assertThat(bars).as("bars in the lane of %s", row.model().name()).isEqualTo(row.spans().size())
                    .isEqualTo(Integer.parseInt(lane.group(2)));
        }
        assertThat(lanes).isEqualTo(4);
        assertThat(page).contains("unfinished: not built yet (step 4.1)", "off the right edge");
        assertThat(report.rows().get(0).spans()).as("requests of the pool of 40").hasSize(50);
    }
}
