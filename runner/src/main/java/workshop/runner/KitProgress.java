package workshop.runner;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kit's progress across modules. Each module's {@code progress} leaves a one-line summary in its
 * {@code target/runner/summary.properties}; from the kit's root, Maven runs every module's progress, then
 * this summary of them all (the runner module comes last in the reactor).
 */
final class KitProgress {
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

    private KitProgress() {
    }

    /** Writes the module's summary for the kit's. */
    static void write(Module module, List<Step> steps, Results results) throws IOException {
        Properties summary = new Properties();
        Step next = steps.stream().filter(s -> s.exercise() && !results.status(s).done()).findFirst().orElse(null);
        summary.setProperty("steps", Long.toString(steps.stream().filter(Step::exercise).count()));
        summary.setProperty("done", Long.toString(steps.stream().filter(s -> s.exercise() && results.status(s).done()).count()));
        summary.setProperty("code", Options.code(module));
        if (next != null) {
            summary.setProperty("next", next.id() + " " + Readme.plain(next.title()));
            summary.setProperty("link", module.name() + "/" + next.link());
        }
        Files.createDirectories(module.state());
        try (Writer out = Files.newBufferedWriter(module.state().resolve("summary.properties"), StandardCharsets.UTF_8)) {
            summary.store(out, "written by the runner's progress; read by the kit's");
        }
    }

    /**
     * Prints every learner module's summary and the kit's next step.
     *
     * @param kit the kit's root folder
     * @param state the runner module's own state folder, which says where the modules keep theirs
     *              ({@code target/runner}, or {@code target/solutions/runner} with {@code -Psolutions})
     */
    static int print(Path kit, Path state, Terminal t) throws IOException {
        Path inModule = kit.resolve("runner").relativize(state);
        List<String> rows = new ArrayList<>();
        long steps = 0;
        long done = 0;
        String next = null;
        for (String module : learnerModules(kit)) {
            Path file = kit.resolve(module).resolve(inModule).resolve("summary.properties");
            if (!Files.exists(file)) {
                rows.add("  " + t.dim(Render.NOT_RUN) + " " + pad(module) + " not checked yet");
                continue;
            }
            Properties summary = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                summary.load(in);
            }
            long moduleSteps = Long.parseLong(summary.getProperty("steps", "0"));
            long moduleDone = Long.parseLong(summary.getProperty("done", "0"));
            steps += moduleSteps;
            done += moduleDone;
            boolean complete = moduleDone == moduleSteps;
            String mark = complete ? t.green(Render.PASS) : t.red(Render.FAIL);
            rows.add("  " + mark + " " + pad(module) + " " + moduleDone + "/" + moduleSteps + " steps"
                    + (complete ? "" : "   next: " + summary.getProperty("next", "?")));
            if (next == null && !complete) {
                next = module + ", step " + summary.getProperty("next", "?") + "\n      " + summary.getProperty("link", module + "/README.md");
            }
        }
        t.println("");
        t.println(t.bold("The kit") + ": " + done + " of " + steps + " steps done");
        rows.forEach(t::println);
        t.println(next == null ? t.green("Every module is done.") : "Next: " + t.bold(next));
        return 0;
    }

    /** The root pom's modules that have a room for the learner, in the pom's order. */
    static List<String> learnerModules(Path kit) throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(Files.readString(kit.resolve("pom.xml"), StandardCharsets.UTF_8));
        while (m.find()) {
            if (Files.isDirectory(kit.resolve(m.group(1)).resolve("src/exercise/java"))) {
                modules.add(m.group(1));
            }
        }
        return modules;
    }

    private static String pad(String module) {
        return module + " ".repeat(Math.max(0, 22 - module.length()));
    }
}
