package workshop.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The self-check's third direction (KIT-GUIDE.md, 4b): every known mistake of a module turns its step red,
 * soon enough, with the words a learner must read. For each folder of {@code solutions/<module>/wrong/} (see
 * {@link KnownMistake}) it writes the wrong files over a copy of the finished ones, compiles that room, runs
 * the step's exercise tests on it in the warm worker on a fresh class loader, and judges the run:
 * <ul>
 *   <li>red: some test fails, a failure message holds every expected line of words, and every failing test
 *       ended within its own bound plus a second (or the {@code within} of {@code expect});</li>
 *   <li>green (the mistake passes: a test without teeth), words (red with other words), slow, or broken (the
 *       folder, its expect file or its code is wrong): a violation for the self-check.</li>
 * </ul>
 * A run that leaves threads, sockets or a busy common pool behind gets the worker replaced, as in watch, so one
 * mistake cannot slow down or break the next. The verdicts go to the console and to {@code report.tsv} in the
 * state folder, which {@code .ci/SelfCheck.java} reads. It ends with status 0 whatever it finds, so that a
 * kit-wide build goes on to the next module; the report says what was found.
 */
final class Mistakes {
    /** How long past its own bound a failing test may take (KIT-GUIDE.md, 4: its bound plus a second). */
    static final long GRACE_MILLIS = 1_000;
    static final String REPORT = "report.tsv";

    /** How a known mistake fared. */
    enum Kind {
        /** Caught: red, with the words, in time. */
        RED,
        /** Every exercise test of the step passed with the mistake. */
        GREEN,
        /** Red, but no failure message holds the expected words. */
        WORDS,
        /** Red with the words, but a failing test took longer than its bound allows. */
        SLOW,
        /** The mistake could not be checked: its folder, its expect file or its code is wrong. */
        BROKEN
    }

    /**
     * The verdict on one known mistake.
     *
     * @param name the mistake's folder name
     * @param step its step
     * @param kind the verdict
     * @param detail what happened, in a sentence
     * @param slowestMillis the slowest failing test, 0 when none failed
     * @param what the mistake in a few words, from its expect file
     */
    record Verdict(String name, String step, Kind kind, String detail, long slowestMillis, String what) {
        String line() {
            return Wire.line("mistake", name, step, kind.name().toLowerCase(Locale.ROOT), detail,
                    Long.toString(slowestMillis), what);
        }
    }

    private Mistakes() {
    }

    /** The {@code mistakes} command: checks every known mistake of the module, or the one named by {@code --variant}. */
    static int check(Options options) throws IOException, InterruptedException {
        Terminal t = Terminal.detect(options.flag("--no-color"));
        Module module = options.module();
        Path solutions = module.kit().resolve("solutions").resolve(module.name());
        Path finished = solutions.resolve("src/exercise/java");
        Path report = module.state().resolve(REPORT);
        Files.createDirectories(module.state());
        List<Path> folders = folders(solutions.resolve("wrong"), options.value("--variant", null));
        List<String> lines = new ArrayList<>(List.of(Wire.line("module", module.name(), Integer.toString(folders.size()))));
        write(report, lines);
        if (folders.isEmpty()) {
            String only = options.value("--variant", null);
            t.println(module.name() + ": " + (only == null ? "no known mistakes (solutions/" + module.name() + "/wrong/)"
                    : "no known mistake named " + only + " in solutions/" + module.name() + "/wrong/"));
            return 0;
        }
        t.println(t.bold(module.name()) + ": " + folders.size() + (folders.size() == 1 ? " known mistake" : " known mistakes")
                + ", each on the finished files with its wrong ones written over them");
        int caught = 0;
        try (Session session = Runner.session(options)) {
            session.startWorker();
            List<Step> steps;
            try {
                steps = session.discover();
            } catch (IOException e) {
                lines.add(Wire.line("error", e.getMessage()));
                write(report, lines);
                t.println(t.red("could not check the known mistakes: " + e.getMessage()));
                return 0;
            }
            for (Path folder : folders) {
                Verdict verdict;
                try {
                    verdict = check(session, module, steps, folder, finished);
                } catch (IOException | RuntimeException e) {
                    String name = folder.getFileName().toString();
                    verdict = new Verdict(name, "", Kind.BROKEN, "the check itself failed: " + Failures.summary(e), 0, "");
                }
                lines.add(verdict.line());
                write(report, lines);
                t.println(render(t, verdict));
                caught += verdict.kind() == Kind.RED ? 1 : 0;
            }
        }
        String count = "known mistakes red: " + caught + "/" + folders.size();
        t.println(caught == folders.size() ? t.green(count) : t.red(count));
        return 0;
    }

    /** The mistakes' folders, sorted; only the one named {@code only} when given. */
    static List<Path> folders(Path wrong, String only) throws IOException {
        if (!Files.isDirectory(wrong)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(wrong)) {
            return list.filter(Files::isDirectory).filter(dir -> only == null || dir.getFileName().toString().equals(only))
                    .sorted().toList();
        }
    }

    static Verdict check(Session session, Module module, List<Step> steps, Path folder, Path finished)
            throws IOException, InterruptedException {
        KnownMistake mistake = KnownMistake.read(folder, finished);
        if (!mistake.problems().isEmpty()) {
            return broken(mistake, String.join("; ", mistake.problems()));
        }
        Step step = steps.stream().filter(s -> s.id().equals(mistake.step())).findFirst().orElse(null);
        if (step == null) {
            return broken(mistake, "there is no step " + mistake.step() + " in " + module.name() + " (its steps: "
                    + String.join(", ", steps.stream().map(Step::id).toList()) + ")");
        }
        List<FoundTest> exercises = step.tests().stream().filter(FoundTest::exercise).toList();
        if (exercises.isEmpty()) {
            return broken(mistake, "step " + step.id() + " has no exercise test to turn red");
        }
        Path work = module.state().resolve("rooms").resolve(mistake.name());
        FileTree.delete(work);
        Path room = mistake.overlay(folder, finished, work.resolve("src"));
        RoomCompiler.Outcome compiled = new RoomCompiler(module.dir(), room, module.classes(), work.resolve("classes")).compile();
        if (!compiled.compiled()) {
            RoomCompiler.Problem first = compiled.problems().get(0);
            Path file = module.dir().resolve(first.file());
            String shown = first.file();
            if (file.startsWith(room)) {
                Path relative = room.relativize(file);
                String where = mistake.files().contains(relative) ? "solutions/" + module.name() + "/wrong/" + mistake.name() + "/"
                        : "solutions/" + module.name() + "/src/exercise/java/";
                shown = where + relative.toString().replace('\\', '/');
            }
            return broken(mistake, "does not compile: " + shown + ":" + first.line() + ": " + first.message()
                    + (first.source().isBlank() ? "" : " (" + first.source().strip() + ")"));
        }
        return judge(mistake, session.trial(compiled.classes(), exercises));
    }

    /** Red, in time, with the words? */
    static Verdict judge(KnownMistake mistake, Run run) {
        List<Map.Entry<String, Result>> failing = run.results.entrySet().stream()
                .filter(e -> !e.getValue().passed() && e.getValue().outcome() != Result.Outcome.SKIPPED).toList();
        if (failing.isEmpty()) {
            if (run.broken != null) {
                return broken(mistake, "its tests could not run: " + run.broken);
            }
            long passed = run.results.values().stream().filter(Result::passed).count();
            return verdict(mistake, Kind.GREEN, "step " + mistake.step() + " stayed green: "
                    + (passed == 1 ? "its exercise test passed" : "its " + passed + " exercise tests passed")
                    + " with this mistake", 0);
        }
        long slowest = failing.stream().mapToLong(e -> e.getValue().millis()).max().orElse(0);
        for (String words : mistake.messages()) {
            String wanted = KnownMistake.squeeze(words);
            if (failing.stream().noneMatch(e -> KnownMistake.squeeze(e.getValue().message()).contains(wanted))) {
                Map.Entry<String, Result> first = failing.get(0);
                return verdict(mistake, Kind.WORDS, "step " + mistake.step() + " red, but no failure message says \"" + words
                        + "\"; " + quote(name(run, first.getKey())) + " said: " + quote(clip(first.getValue().message(), 300)), slowest);
            }
        }
        for (Map.Entry<String, Result> e : failing) {
            Result r = e.getValue();
            long limit = mistake.withinMillis() > 0 ? mistake.withinMillis()
                    : run.bounds.getOrDefault(e.getKey(), r.millis()) + GRACE_MILLIS;
            if (r.outcome() == Result.Outcome.HUNG || r.millis() > limit) {
                String took = r.outcome() == Result.Outcome.HUNG ? "never ended (stopped at its bound of " + Run.seconds(r.millis()) + ")"
                        : "failed after " + seconds(r.millis());
                return verdict(mistake, Kind.SLOW, "step " + mistake.step() + " red with the words, but " + quote(name(run, e.getKey()))
                        + " " + took + ", more than " + (mistake.withinMillis() > 0 ? "the " + seconds(limit) + " of its expect file"
                        : "its bound plus a second (" + seconds(limit) + ")"), slowest);
            }
        }
        return verdict(mistake, Kind.RED, "step " + mistake.step() + " red in " + seconds(slowest) + ", with \""
                + clip(mistake.messages().get(0), 90) + "\"", slowest);
    }

    private static String render(Terminal t, Verdict v) {
        boolean caught = v.kind() == Kind.RED;
        String mark = caught ? t.green("✓") : t.red("✗");
        String label = v.kind() == Kind.RED ? "" : v.kind().name().toLowerCase(Locale.ROOT) + ": ";
        return "  " + mark + " " + v.name() + (v.what().isEmpty() ? "" : t.dim(" (" + v.what() + ")")) + "\n      "
                + (caught ? v.detail() : t.red(label + v.detail()));
    }

    private static Verdict broken(KnownMistake mistake, String why) {
        return verdict(mistake, Kind.BROKEN, why, 0);
    }

    private static Verdict verdict(KnownMistake mistake, Kind kind, String detail, long slowest) {
        return new Verdict(mistake.name(), mistake.step(), kind, detail, slowest, mistake.what());
    }

    private static String name(Run run, String id) {
        FoundTest test = run.tests.get(id);
        return test == null ? id : test.name();
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static String clip(String text, int max) {
        String one = KnownMistake.squeeze(text);
        return one.length() > max ? one.substring(0, max - 3) + "..." : one;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void write(Path report, List<String> lines) throws IOException {
        Files.write(report, lines, StandardCharsets.UTF_8);
    }
}
