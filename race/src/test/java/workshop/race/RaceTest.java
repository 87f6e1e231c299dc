package workshop.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workshop.common.JdkHttpServer;
import workshop.common.JsonResponse;
import workshop.common.Race;
import workshop.common.RaceModel;
import workshop.common.RaceReport;
import workshop.common.RaceServer;
import workshop.pitfalls.PitfallRace;

@DisplayName("The race: unfinished models say which step, the rest still race")
class RaceTest {
    private static final RaceModel FINISHED = new RaceModel("finished", "a model that works", RaceModel.UNBOUNDED,
            (address, ms) -> RaceServer.of(JdkHttpServer.create(address, Executors.newVirtualThreadPerTaskExecutor())
                    .route("GET", "/hello/", query -> JsonResponse.ok("message", "hello"))
                    .route("GET", "/slow/", query -> {
                        Thread.sleep(Long.parseLong(query.get("ms")));
                        return JsonResponse.ok("message", "done");
                    }).start(), "/hello/", "/slow/?ms=" + ms));

    @Test
    @DisplayName("a model whose executor is still a TODO shows as 'not built yet (step 1.5)', and the next one races")
    void aStarterThatThrowsIsNotBuiltYet() {
        RaceModel unfinished = new RaceModel("unfinished pool", "a TODO", 40, (address, ms) -> {
            throw new UnsupportedOperationException("TODO 1.5: return a fixed pool (README.md, step 1.5)");
        });

        RaceReport report = Race.run(List.of(unfinished, FINISHED), 20, 50, quiet());

        assertThat(report.rows().get(0).skipped()).isEqualTo("not built yet (step 1.5)");
        assertThat(report.rows().get(1).ran()).isTrue();
        assertThat(report.rows().get(1).burst().ok()).isEqualTo(20);
        assertThat(report.render()).contains("unfinished pool", "not built yet (step 1.5)", "finished");
    }

    @Test
    @DisplayName("a model whose endpoint answers 500 with a TODO shows as 'not built yet (step 1.3)'")
    void anEndpointThatAnswersTodoIsNotBuiltYet() {
        RaceModel unfinished = new RaceModel("unfinished endpoint", "a TODO", RaceModel.UNBOUNDED,
                (address, ms) -> RaceServer.of(JdkHttpServer.create(address, null)
                        .route("GET", "/slow/", query -> {
                            throw new UnsupportedOperationException("TODO 1.3: sleep for ms milliseconds");
                        }).start(), "/slow/", "/slow/?ms=" + ms));

        RaceReport.Row row = Race.race(unfinished, 10, 10);

        assertThat(row.skipped()).isEqualTo("not built yet (step 1.3)");
    }

    @Test
    @DisplayName("a short burst is fired three times, each at a fresh server, and the fastest is the one shown")
    void theFastestOfThreeBurstsIsShown() {
        // Servers in order: the warm-up's, then one per burst; only the second burst's server does not wait.
        RaceModel unsteady = modelWithServers("unsteady", server -> query -> {
            Thread.sleep(server == 3 ? 0 : Long.parseLong(query.get("ms")));
            return JsonResponse.ok("message", "done");
        });

        RaceReport.Row row = Race.race(unsteady, 20, 200);

        assertThat(row.burstWallsMs()).as("wall times of the bursts fired").hasSize(3);
        assertThat(row.burstWallsMs().get(1)).as("the second burst, whose server does not wait").isLessThan(200);
        assertThat(row.burst().wallMs()).as("the wall time shown").isEqualTo(row.burstWallsMs().get(1));
        assertThat(row.summary()).contains("the fastest of 3 bursts");
    }

    @Test
    @DisplayName("a burst with errors is shown as it is, never replaced by a faster burst without them")
    void aBurstWithErrorsIsNotHidden() {
        RaceModel flaky = modelWithServers("flaky", server -> query -> {
            if (server == 3) {
                throw new IllegalStateException("broken on purpose");
            }
            return JsonResponse.ok("message", "done");
        });

        RaceReport.Row row = Race.race(flaky, 20, 0);

        assertThat(row.burst().failed()).as("failed requests in the row shown").isEqualTo(20);
        assertThat(row.summary()).contains("20 errors");
    }

    @Test
    @DisplayName("a model that cannot start for another reason is 'broken', with the reason")
    void aBrokenModelSaysWhy() {
        RaceModel broken = new RaceModel("broken", "no port", 1, (address, ms) -> {
            throw new IOException("address already in use");
        });

        assertThat(Race.race(broken, 10, 10).skipped()).isEqualTo("broken: IOException: address already in use");
    }

    @Test
    @DisplayName("Thread.sleep on the loop: a sample of whole waves, the full time computed, each sleep a slow callback")
    void theBlockedLoopIsSampledAndReported() {
        RaceReport.Row row = Race.race(PitfallRace.sleepOnTheLoop(), 100, 150);

        assertThat(row.plan().sent()).as("requests sent of 100").isEqualTo(6);
        assertThat(row.maxInFlight()).isEqualTo(1);
        assertThat(row.wallMs()).as("the computed wall time of 100 sleeps of 150 ms").isGreaterThanOrEqualTo(15_000);
        assertThat(row.slowCallbacks().count()).as("slow callbacks: %s", row.slowCallbacks()).isGreaterThanOrEqualTo(6);
        assertThat(row.slowCallbacks().worstMs()).isGreaterThanOrEqualTo(150);
        assertThat(row.slowCallbacks().toString()).contains("slow callbacks (threshold 100 ms)");
    }

    @Test
    @DisplayName("the race's main prints the table and writes the page; a typo in an option is named, with the help")
    void mainPrintsTableAndPage(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("race.html");
        String out = captured(() -> Race.main(new String[] {"--requests", "5", "--ms", "20", "--html", page.toString(),
                "--code", "finished"}, new Race.Setup("Test race", List.of(FINISHED), 100, "unused.html", true)));

        assertThat(out).contains("Test race", "5 requests at once, each waiting 20 ms", "Racing the finished code",
                "efficiency", "finished", "The same race as a page");
        assertThat(Files.readString(page)).contains("<svg", "class=\"request\"");

        String typo = captured(() -> Race.main(new String[] {"--reqests", "5"},
                new Race.Setup("Test race", List.of(FINISHED), 100, "unused.html", true)));
        assertThat(typo).contains("Unknown option(s): --reqests 5", "--requests N", "--only WORDS", "finished");
    }

    /** A model whose n-th server started (1, 2, ...) answers {@code /slow/} with {@code handlerOfServer.apply(n)}. */
    private static RaceModel modelWithServers(String name, IntFunction<JdkHttpServer.JsonHandler> handlerOfServer) {
        AtomicInteger serversStarted = new AtomicInteger();
        return new RaceModel(name, "a different handler on each server", RaceModel.UNBOUNDED, (address, ms) -> {
            JdkHttpServer.JsonHandler handler = handlerOfServer.apply(serversStarted.incrementAndGet());
            return RaceServer.of(JdkHttpServer.create(address, Executors.newVirtualThreadPerTaskExecutor())
                    .route("GET", "/slow/", handler).start(), "/slow/", "/slow/?ms=" + ms);
        });
    }

    /** What {@code action} printed to standard output. */
    private static String captured(ThrowingRunnable action) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws IOException;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
