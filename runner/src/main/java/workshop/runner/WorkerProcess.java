package workshop.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The runner's end of a {@link Worker} JVM: starts it on the same JDK and class path as the runner (Maven's
 * test class path), sends it requests and hands back its answers line by line. Closing it, or the runner
 * ending for any reason, ends the worker too.
 */
final class WorkerProcess implements AutoCloseable {
    /** How a request ended. */
    enum Ending {
        /** The worker answered {@code done}. */
        DONE,
        /** The worker's JVM ended before answering (a stuck test, {@code System.exit}, a crash). */
        DIED,
        /** The worker said nothing for longer than any test may take, and was stopped. */
        SILENT
    }

    private final Process process;
    private final PrintStream requests;
    private final BlockingQueue<List<String>> answers = new LinkedBlockingQueue<>();
    private final Path log;
    private final long silenceLimitMillis;
    private int served;

    private WorkerProcess(Process process, Path log, long silenceLimitMillis) {
        this.process = process;
        this.log = log;
        this.silenceLimitMillis = silenceLimitMillis;
        this.requests = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("worker-answers").start(this::readAnswers);
    }

    /**
     * Starts a worker for a module.
     *
     * @param hangGraceMillis how long after a test's bound the worker waits before declaring it stuck
     * @param leftoverGraceMillis how long after a run the worker waits for its threads and sockets to end
     * @param warmUp whether the worker runs a small test before it says it is ready (see {@link WarmUp})
     */
    static WorkerProcess start(Module module, Map<String, String> junitConfig, long hangGraceMillis, long leftoverGraceMillis,
                               boolean warmUp) throws IOException {
        Files.createDirectories(module.state());
        Path log = module.state().resolve("worker.log");
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-D" + Worker.WARM_UP + "=" + warmUp,
                "-cp", System.getProperty("java.class.path"),
                Worker.class.getName(), module.classes().toString(), module.testClasses().toString(),
                Long.toString(hangGraceMillis), Long.toString(leftoverGraceMillis)));
        junitConfig.forEach((key, value) -> command.add(key + "=" + value));
        Process process = new ProcessBuilder(command)
                .directory(module.dir().toFile()) // tests run where Surefire runs them: in the module's folder
                .redirectError(log.toFile())
                .start();
        long bound = JUnitConfig.defaultTimeoutMillis(junitConfig);
        return new WorkerProcess(process, log, bound + 2 * hangGraceMillis + 10_000);
    }

    /** The {@code java} of the JDK the runner runs on. */
    static String javaCommand() {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /** Waits until the worker has warmed up; false if it ended first. */
    boolean awaitReady() throws InterruptedException {
        while (true) {
            List<String> answer = answers.poll(silenceLimitMillis, TimeUnit.MILLISECONDS);
            if (answer == null || answer.get(0).equals("exit")) {
                return false;
            }
            if (answer.get(0).equals("ready")) {
                return true;
            }
        }
    }

    /** Sends a request and hands every answer line to {@code onAnswer} until the worker says {@code done}. */
    Ending request(List<String> request, Consumer<List<String>> onAnswer) throws InterruptedException {
        served++;
        requests.println(Wire.line(request.toArray(String[]::new)));
        while (true) {
            List<String> answer = answers.poll(silenceLimitMillis, TimeUnit.MILLISECONDS);
            if (answer == null) {
                close();
                return Ending.SILENT;
            }
            switch (answer.get(0)) {
                case "done" -> {
                    onAnswer.accept(answer);
                    return Ending.DONE;
                }
                case "exit" -> {
                    return Ending.DIED;
                }
                default -> onAnswer.accept(answer);
            }
        }
    }

    /** How many requests this worker has served. */
    int served() {
        return served;
    }

    /** The last lines the worker's JVM wrote to its error stream (a crash, a JVM warning). */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                answers.add(Wire.fields(line));
            }
        } catch (IOException e) {
            // the worker is gone
        }
        answers.add(List.of("exit"));
    }

    /** Ends the worker's JVM and everything its tests started. */
    @Override
    public void close() {
        requests.close(); // the worker ends itself when its input ends
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
