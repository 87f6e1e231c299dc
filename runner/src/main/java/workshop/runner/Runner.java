package workshop.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The learner's runner: {@code progress}, {@code watch} and {@code hint} for one module, and {@code kit}, the
 * summary of every module; and, for the kit's self-check, {@code mistakes}: every known mistake of the module
 * must turn its step red ({@link Mistakes}). Maven starts it (see the root pom's executions of the same names) with the
 * module's test class path and paths, on a JDK 21+ found by {@code .mvn/KitJdk.java}. It runs the module's
 * own JUnit tests, by the step tags they carry, with the same JUnit configuration as Maven: the tests decide
 * what is done, here as in Maven and in the kit's self-check.
 */
public final class Runner {
    /** How long a test may run past its bound before the worker is declared stuck and replaced. */
    static final long HANG_GRACE_MILLIS = 5_000;
    /** How long after a run its threads and sockets get to end before they count as left behind. */
    static final long LEFTOVER_GRACE_MILLIS = 1_000;

    private Runner() {
    }

    public static void main(String[] args) {
        int status;
        try {
            Options options = Options.parse(args);
            status = switch (options.command()) {
                case "watch" -> {
                    try (Session session = session(options)) {
                        Runtime.getRuntime().addShutdownHook(new Thread(session::close)); // Ctrl+C stops the test JVM too
                        endWithMaven();
                        new Watch(session, options, Terminal.detect(options.flag("--no-color"))).run();
                    }
                    yield 0;
                }
                case "progress" -> progress(options);
                case "hint" -> hint(options);
                case "mistakes" -> Mistakes.check(options);
                case "kit" -> KitProgress.print(options.path("--kit"), options.path("--state"), Terminal.detect(options.flag("--no-color")));
                default -> {
                    System.out.print(Options.USAGE);
                    yield options.command().equals("help") ? 0 : 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 2;
        } catch (IOException e) {
            System.err.println("runner: " + e.getMessage());
            status = 1;
        } catch (InterruptedException e) {
            status = 130;
        }
        System.exit(status);
    }

    /**
     * Ends the runner when the processes that started it end, even without a signal (a Maven killed with
     * {@code kill -9}, a closed IDE): the launcher ({@code KitJdk}) and Maven above it.
     */
    private static void endWithMaven() {
        ProcessHandle.current().parent().ifPresent(launcher -> {
            launcher.onExit().thenRun(() -> System.exit(0));
            launcher.parent().ifPresent(maven -> maven.onExit().thenRun(() -> System.exit(0)));
        });
    }

    static Session session(Options options) throws IOException {
        Module module = options.module();
        Map<String, String> config = JUnitConfig.fromPom(module.kit().resolve("pom.xml"));
        return new Session(module, config, options.millis("--hang-grace", HANG_GRACE_MILLIS),
                options.millis("--leftover-grace", LEFTOVER_GRACE_MILLIS));
    }

    /** Every step of the module with its tests, reusing results of this same code unless {@code --fresh}. */
    static int progress(Options options) throws IOException, InterruptedException {
        Terminal t = Terminal.detect(options.flag("--no-color"));
        try (Session session = session(options)) {
            Module module = session.module();
            Render render = new Render(t, roomPrefix(module));
            boolean fresh = options.flag("--fresh");
            if (!fresh && session.resultsAreCurrent() && session.keptSteps().stream()
                    .allMatch(step -> session.results().status(step).complete())) {
                t.print(render.progress(module.name(), Options.code(module) + ", unchanged since the last run", session.steps(),
                        session.results()));
                KitProgress.write(module, session.steps(), session.results());
                return 0;
            }
            session.startWorker();
            RoomCompiler.Outcome compiled = session.compile();
            if (!compiled.compiled()) {
                t.print(render.compileErrors(compiled.problems()));
                t.println("Fix it, then run progress again.");
                return 0;
            }
            List<Step> steps = session.discover();
            t.println(t.bold(module.name()) + ": running its tests, step by step " + t.dim("(" + Options.code(module) + ")"));
            for (Step step : steps) {
                List<FoundTest> todo = fresh ? step.tests() : session.results().notRun(step.tests());
                Run run = session.run(todo);
                t.println(render.stepLine(step, session.results().status(step)));
                t.print(render.leftovers(run));
            }
            t.print(render.summary(steps, session.results()));
            Step next = steps.stream().filter(s -> s.exercise() && !session.results().status(s).done()).findFirst().orElse(null);
            if (next != null) {
                t.println(t.dim("Work on it with feedback on every save: ../mvnw -q test-compile exec:exec@watch"));
            }
            KitProgress.write(module, steps, session.results());
            return 0;
        }
    }

    /** The next hint level of the current step (or of {@code --step N.M}). */
    static int hint(Options options) throws IOException, InterruptedException {
        Terminal t = Terminal.detect(options.flag("--no-color"));
        try (Session session = session(options)) {
            Module module = session.module();
            Step step;
            if (session.resultsAreCurrent()) {
                session.keptSteps();
            } else {
                session.startWorker();
                RoomCompiler.Outcome compiled = session.compile();
                if (!compiled.compiled() && !options.values().containsKey("--step")) {
                    t.print(new Render(t, roomPrefix(module)).compileErrors(compiled.problems()));
                    t.println("Your code does not compile, so the current step is unknown: fix it, or ask for a step's hint with"
                            + " -Dkit.args=\"--step N.M\".");
                    return 0;
                }
                session.discover();
            }
            String wanted = options.value("--step", null);
            if (wanted != null) {
                step = session.step(wanted);
                if (step == null) {
                    t.println("There is no step " + wanted + " in " + module.name() + ".");
                    return 2;
                }
            } else {
                if (!session.resultsAreCurrent()) {
                    t.println(t.dim("Finding your current step..."));
                }
                step = session.firstOpen((s, run) -> { });
                if (step == null) {
                    t.println(t.green("Every step of " + module.name() + " is done: no hint needed."));
                    return 0;
                }
            }
            t.print(HintView.next(module, session.readme(), step, t));
            return 0;
        }
    }

    /** The room's path from the module folder, to make a learner's line clickable: {@code src/exercise/java/}. */
    static String roomPrefix(Module module) {
        Path relative = module.dir().relativize(module.room());
        return relative.toString().replace('\\', '/') + "/";
    }
}
