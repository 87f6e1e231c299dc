package workshop.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Watch mode: on every save in the learner's room, compile the room and run the current step's tests,
 * the first step whose exercise tests do not all pass, then the earlier steps' tests again, in case the save
 * broke one of them. When the current step turns green, run the module's other exercise tests once and move
 * on to the next step that is not done. Keys (then Enter): {@code h} the
 * next hint, {@code p} progress, {@code r} run again, {@code q} quit.
 */
final class Watch {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * Something to react to.
     *
     * @param kind "save", or a key: "h", "p", "r", "q"
     * @param nanos when it happened
     */
    private record Event(String kind, long nanos) {
    }

    private final Session session;
    private final Terminal t;
    private final Render render;
    private final String pinned;
    private final Path eventsFile;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private Step current;
    private boolean started;

    Watch(Session session, Options options, Terminal t) {
        this.session = session;
        this.t = t;
        this.render = new Render(t, Runner.roomPrefix(session.module()));
        this.pinned = options.value("--step", null);
        String events = options.value("--events", null);
        this.eventsFile = events == null ? null : Path.of(events);
    }

    void run() throws IOException, InterruptedException {
        Module module = session.module();
        session.startWorker(); // warms up while the room compiles
        try (RoomWatcher watcher = new RoomWatcher(module.room(), () -> events.add(new Event("save", System.nanoTime())))) {
            watcher.start();
            Thread.ofPlatform().daemon().name("runner-keys").start(this::readKeys);
            t.clear();
            header();
            start(System.nanoTime());
            record("ready", "-");
            while (true) {
                Event event = events.take();
                switch (event.kind()) {
                    case "q" -> {
                        t.println("Bye. Nothing is left running.");
                        return;
                    }
                    case "h" -> hint();
                    case "p" -> progress();
                    case "save", "r" -> {
                        events.removeIf(e -> e.kind().equals("save")); // a burst of saves runs once
                        t.clear();
                        header();
                        if (started) {
                            check(event.nanos());
                        } else {
                            start(event.nanos());
                        }
                    }
                    default -> t.println("Keys, then Enter: h hint, p progress, r run again, q quit.");
                }
            }
        }
    }

    /** Compiles, finds the steps, and walks them from the first until one is not done. */
    private void start(long since) throws IOException, InterruptedException {
        if (!compile(since)) {
            return;
        }
        if (session.steps().isEmpty()) {
            session.discover();
        }
        started = true;
        if (pinned != null) {
            current = session.step(pinned);
            if (current == null) {
                t.println("There is no step " + pinned + " here; steps: "
                        + String.join(", ", session.steps().stream().map(Step::id).toList()));
                started = false;
                return;
            }
            check(since);
            return;
        }
        t.println(t.dim("Checking your steps from the first:"));
        current = session.firstOpen((step, run) -> {
            boolean open = step.exercise() && !session.results().status(step).done();
            if (!open) {
                t.println(render.stepLine(step, session.results().status(step)));
            }
            if (run != null) {
                t.print(render.leftovers(run));
            }
        });
        if (current == null) {
            allDone();
            record("verdict", "all");
        } else {
            t.println("");
            showVerdict(current, since);
        }
        footer();
    }

    /** After a save: compile, run the current step, and move on when it is green. */
    private void check(long since) throws IOException, InterruptedException {
        if (!compile(since)) {
            return;
        }
        if (current == null) {
            t.println(t.dim("Every step was done; checking them all again:"));
            sweep(session.steps().stream().filter(Step::exercise).toList(), since);
            footer();
            return;
        }
        t.println(t.dim("Running the tests of step " + current.id() + "..."));
        Run run = session.run(current.tests());
        boolean green = showVerdict(current, since);
        t.print(render.leftovers(run));
        if (green && pinned == null) {
            t.println("");
            t.println(t.dim("Checking the other steps' exercise tests once:"));
            sweep(session.steps().stream().filter(s -> s.exercise() && s != current).toList(), since);
        } else if (pinned == null) {
            recheckEarlier(since);
        }
        footer();
    }

    /**
     * After the current step's verdict, runs the exercise tests of the steps before it again: a save that
     * breaks a step that was green makes that step the current one, so watch always works on the first step
     * that is not green.
     */
    private void recheckEarlier(long since) throws IOException, InterruptedException {
        List<Step> earlier = session.steps().subList(0, session.steps().indexOf(current)).stream().filter(Step::exercise).toList();
        if (earlier.isEmpty()) {
            return;
        }
        List<FoundTest> tests = new ArrayList<>();
        earlier.forEach(step -> step.tests().stream().filter(FoundTest::exercise).forEach(tests::add));
        Run run = session.run(tests);
        Step broken = earlier.stream().filter(step -> !session.results().status(step).done()).findFirst().orElse(null);
        t.println("");
        if (broken == null) {
            t.println(t.dim("Steps before it, checked again: " + String.join(", ", earlier.stream().map(Step::id).toList())
                    + " still green."));
            return;
        }
        t.print(render.leftovers(run));
        t.println("Step " + broken.id() + " was green and is red again with this save; back to it:");
        current = broken;
        showVerdict(current, since);
    }

    /** Progress as it is now: runs the tests this version of the code has not run yet, then shows every step. */
    private void progress() throws IOException, InterruptedException {
        Module module = session.module();
        if (!started || !session.resultsAreCurrent()) {
            t.println("Save a file that compiles first: progress shows what your code as it is now does.");
            return;
        }
        List<FoundTest> notRun = session.results().notRun(session.steps().stream().flatMap(step -> step.tests().stream()).toList());
        if (!notRun.isEmpty()) {
            t.println(t.dim("Running the " + notRun.size() + " tests your code as it is now has not run yet..."));
            t.print(render.leftovers(session.run(notRun)));
        }
        t.print("\n" + render.progress(module.name(), Options.code(module), session.steps(), session.results()));
    }

    /**
     * Runs the exercise tests of these steps (and the few tests of the steps with demos only, such as 1.0),
     * shows every step, and moves to the first that is not done.
     */
    private void sweep(List<Step> steps, long since) throws IOException, InterruptedException {
        List<FoundTest> tests = new ArrayList<>();
        steps.forEach(step -> step.tests().stream().filter(FoundTest::exercise).forEach(tests::add));
        session.steps().stream().filter(step -> !step.exercise()).forEach(step -> tests.addAll(step.tests()));
        Run run = session.run(tests);
        for (Step step : session.steps()) {
            t.println(render.stepLine(step, session.results().status(step)));
        }
        t.print(render.leftovers(run));
        current = session.steps().stream().filter(s -> s.exercise() && !session.results().status(s).done()).findFirst().orElse(null);
        t.println("");
        if (current == null) {
            allDone();
        } else {
            t.print(render.next(current));
            t.println("");
            showVerdict(current, since);
        }
    }

    /** Shows a step's verdict from its latest results; true when green. */
    private boolean showVerdict(Step step, long since) throws IOException {
        List<Results.Ran> ran = session.results().of(step);
        long millis = (System.nanoTime() - since) / 1_000_000;
        t.print(render.verdict(step, ran, millis, "type h and Enter"));
        boolean green = !ran.isEmpty() && ran.stream().allMatch(Results.Ran::passed);
        record("verdict", step.id() + " " + (green ? "green" : "red") + " " + millis);
        return green;
    }

    private boolean compile(long since) throws IOException {
        RoomCompiler.Outcome outcome = session.compile();
        if (!outcome.compiled()) {
            t.print(render.compileErrors(outcome.problems()));
            record("verdict", "compile " + (System.nanoTime() - since) / 1_000_000);
            footer();
        }
        return outcome.compiled();
    }

    private void hint() throws IOException {
        if (current == null) {
            t.println(session.steps().isEmpty() ? "No step yet: save a file that compiles first." : t.green("Every step is done: no hint needed."));
            return;
        }
        t.print("\n" + HintView.next(session.module(), session.readme(), current, t));
    }

    private void allDone() {
        t.println(t.green(Render.PASS + " Every step of " + session.module().name() + " is done."));
        t.println("Race your code against the finished one: ../mvnw -q compile exec:exec@race; then open the next module's README.");
    }

    private void header() {
        Module module = session.module();
        t.println(t.bold(module.name()) + t.dim(" · watching " + Runner.roomPrefix(module) + " · " + Options.code(module)
                + (pinned == null ? "" : " · step " + pinned + " only") + " · " + LocalTime.now().format(CLOCK)));
        t.println("");
    }

    private void footer() {
        t.println(t.dim("Save a file to run again. Keys, then Enter: h hint · p progress · r run again · q quit"));
    }

    private void readKeys() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String key = line.strip().toLowerCase();
                events.add(new Event(key.isEmpty() ? "?" : key.substring(0, 1), System.nanoTime()));
            }
        } catch (IOException e) {
            // no keyboard (input closed): saves still work
        }
    }

    /** Appends a line for tools (the benchmark) that wait for a verdict: the time in ms, what happened. */
    private void record(String kind, String what) throws IOException {
        if (eventsFile != null) {
            Files.writeString(eventsFile, System.currentTimeMillis() + " " + kind + " " + what + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
