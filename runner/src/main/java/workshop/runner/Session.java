package workshop.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A module as the runner works on it: compiles the learner's room, finds the module's steps, runs tests
 * in a worker JVM and keeps their results. A worker serves run after run (a fresh class loader each
 * time); after a run that left threads or sockets behind, a stuck test or a crash, or after
 * {@value #RUNS_PER_WORKER} runs, it is replaced by a new one, started at once so that it is warm by the
 * next save.
 */
final class Session implements AutoCloseable {
    static final int RUNS_PER_WORKER = 50;
    /** Daemon threads left by runs (each run loads the kit's classes anew, and with them its shared timers). */
    static final int DAEMONS_PER_WORKER = 24;

    private final Module module;
    private final Map<String, String> junitConfig;
    private final long hangGraceMillis;
    private final long leftoverGraceMillis;
    private final boolean warmUp;
    private final Readme readme;
    private final Results results;
    private final RoomCompiler compiler;
    private Path roomClasses;
    private volatile WorkerProcess worker;
    private volatile boolean closed;
    private boolean workerReady;
    private int daemonsLeft;
    private List<Step> steps = List.of();

    Session(Module module, Map<String, String> junitConfig, long hangGraceMillis, long leftoverGraceMillis) throws IOException {
        this(module, junitConfig, hangGraceMillis, leftoverGraceMillis, true);
    }

    /** @param warmUp whether each worker warms up before its first run; the runner's own tests skip it, to start faster */
    Session(Module module, Map<String, String> junitConfig, long hangGraceMillis, long leftoverGraceMillis, boolean warmUp)
            throws IOException {
        this.warmUp = warmUp;
        this.module = module;
        this.junitConfig = junitConfig;
        this.hangGraceMillis = hangGraceMillis;
        this.leftoverGraceMillis = leftoverGraceMillis;
        this.readme = Readme.of(module.dir());
        this.results = Results.load(resultsFile());
        this.compiler = new RoomCompiler(module.dir(), module.room(), module.classes(), module.state().resolve("classes"));
    }

    Module module() {
        return module;
    }

    Readme readme() {
        return readme;
    }

    Results results() {
        return results;
    }

    List<Step> steps() {
        return steps;
    }

    /** A test's time bound, as Maven's configuration sets it. */
    long boundMillis() {
        return JUnitConfig.defaultTimeoutMillis(junitConfig);
    }

    /** Starts a worker now if none is running, so it warms up while other work goes on. */
    void startWorker() throws IOException {
        if (closed) {
            throw new IOException("the runner is closing");
        }
        if (worker == null || !worker.alive()) {
            worker = WorkerProcess.start(module, junitConfig, hangGraceMillis, leftoverGraceMillis, warmUp);
            workerReady = false;
        }
    }

    /** Compiles the room; on success the next runs use these classes and the results of other versions are forgotten. */
    RoomCompiler.Outcome compile() throws IOException {
        RoomCompiler.Outcome outcome = compiler.compile();
        if (outcome.compiled()) {
            roomClasses = outcome.classes();
            compiler.keepOnly(roomClasses);
            results.fingerprint(Fingerprint.of(module, junitConfig));
        } else {
            compiler.keepOnly(roomClasses);
        }
        return outcome;
    }

    /** True when the results kept from an earlier run belong to the code as it is now. */
    boolean resultsAreCurrent() throws IOException {
        return !results.units().isEmpty() && results.fingerprint().equals(Fingerprint.of(module, junitConfig));
    }

    /** Finds the module's tests and their steps; reuses the kept list when the code has not changed. */
    List<Step> discover() throws IOException, InterruptedException {
        Run found = new Run(boundMillis());
        WorkerProcess.Ending ending = ready().request(List.of("discover", room()), found::accept);
        if (ending != WorkerProcess.Ending.DONE || found.broken != null) {
            String why = found.broken != null ? found.broken : "the test JVM ended while looking for tests";
            retire();
            throw new IOException("could not list the module's tests: " + why + tail());
        }
        results.units(new ArrayList<>(found.tests.values()));
        steps = Step.of(results.units(), readme);
        return steps;
    }

    /** Uses the steps of the kept results, without asking a worker. */
    List<Step> keptSteps() {
        steps = Step.of(results.units(), readme);
        return steps;
    }

    /** Runs these tests (one per method, as discovered) and keeps their results. */
    Run run(Collection<FoundTest> units) throws IOException, InterruptedException {
        return execute(room(), units, true);
    }

    /**
     * Runs these tests on other classes of the room (a known mistake, compiled apart), on a fresh class
     * loader like every run, and keeps nothing: the results of the module's own code stay as they were.
     */
    Run trial(Path roomClasses, Collection<FoundTest> units) throws IOException, InterruptedException {
        return execute(roomClasses.toString(), units, false);
    }

    private Run execute(String roomClasses, Collection<FoundTest> units, boolean keep) throws IOException, InterruptedException {
        Run run = new Run(boundMillis());
        if (units.isEmpty()) {
            return run;
        }
        if (keep) {
            results.forget(units);
        }
        List<String> request = new ArrayList<>(List.of("execute", roomClasses));
        units.forEach(unit -> request.add(unit.id()));
        WorkerProcess w = ready();
        WorkerProcess.Ending ending = w.request(request, run::accept);
        if (ending == WorkerProcess.Ending.DIED) {
            run.died("the test JVM ended during this test (System.exit? a crash?)" + tail());
        } else if (ending == WorkerProcess.Ending.SILENT) {
            run.died("the test JVM stopped answering and was stopped");
        }
        if (keep) {
            results.record(run);
            save();
        }
        daemonsLeft += run.leftoverDaemons;
        if (run.poisoned() || w.served() >= RUNS_PER_WORKER || daemonsLeft >= DAEMONS_PER_WORKER) {
            retire();
        }
        return run;
    }

    /** Called for each step {@link #firstOpen} looks at. */
    interface StepSeen {
        /**
         * @param step the step
         * @param run the run that just checked it, or null when kept results told
         */
        void seen(Step step, Run run) throws IOException;
    }

    /**
     * The current step: the first one, in course order, whose exercise tests do not all pass. Runs each
     * step's tests unless this version of the code has results for all of them; a step with demo tests
     * only is run and shown, never current. Null when every step is done.
     */
    Step firstOpen(StepSeen onStep) throws IOException, InterruptedException {
        for (Step step : steps) {
            Results.Status kept = results.status(step);
            Run run = null;
            if (!kept.complete()) {
                run = run(step.tests());
            }
            onStep.seen(step, run);
            if (step.exercise() && !results.status(step).done()) {
                return step;
            }
        }
        return null;
    }

    /** The step with this ID, or null. */
    Step step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    /** Replaces the worker with a fresh JVM, started now so it is warm by the next run. */
    void retire() throws IOException {
        WorkerProcess old = worker;
        worker = null;
        if (old != null) {
            old.close();
        }
        daemonsLeft = 0;
        if (!closed) {
            startWorker();
        }
    }

    void save() throws IOException {
        results.save(resultsFile());
    }

    private WorkerProcess ready() throws IOException, InterruptedException {
        startWorker();
        WorkerProcess w = worker;
        if (w == null) {
            throw new IOException("the runner is closing");
        }
        if (!workerReady) {
            workerReady = w.awaitReady();
            if (!workerReady) {
                String tail = w.logTail();
                w.close();
                worker = null;
                throw new IOException("the test JVM did not start" + (tail.isBlank() ? "" : "\n" + tail));
            }
        }
        return w;
    }

    private String room() {
        return roomClasses == null ? "" : roomClasses.toString();
    }

    private String tail() {
        String tail = worker == null ? "" : worker.logTail();
        return tail.isBlank() ? "" : "\n" + tail;
    }

    private Path resultsFile() {
        return module.state().resolve("results.tsv");
    }

    /** Ends the worker's JVM, whatever its tests are doing, and starts no other; safe from any thread, and twice. */
    @Override
    public void close() {
        closed = true;
        WorkerProcess last = worker;
        worker = null;
        if (last != null) {
            last.close();
        }
        try {
            save();
        } catch (IOException e) {
            // results are only a shortcut for the next progress
        }
    }
}
