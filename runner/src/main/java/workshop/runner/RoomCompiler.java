package workshop.runner;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the learner's room, and only the room, against the classes the build produced. The JDK's
 * compiler runs inside the runner's JVM and stays warm between saves: a few files take a tenth of a
 * second, where a Maven build spends seconds starting. Every compile writes into a fresh folder, so a
 * run never sees a class file of a file the learner has since removed.
 */
final class RoomCompiler {
    /** At most this many errors are shown; the first one is usually the one to fix. */
    static final int SHOWN = 5;

    /**
     * One compile error, where it is and what it says.
     *
     * @param file the file, relative to the module folder
     * @param line the line, 1-based
     * @param column the column, 1-based
     * @param message javac's message, first line
     * @param source the line of code, as written
     */
    record Problem(String file, long line, long column, String message, String source) {
    }

    /**
     * The outcome of a compile.
     *
     * @param classes where the classes went, when it compiled
     * @param problems the errors, when it did not
     */
    record Outcome(Path classes, List<Problem> problems) {
        boolean compiled() {
            return problems.isEmpty();
        }
    }

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final Path moduleDir;
    private final Path room;
    private final Path builtClasses;
    private final Path outputRoot;
    private int count;

    RoomCompiler(Path moduleDir, Path room, Path builtClasses, Path outputRoot) {
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler (javax.tools): run the runner on a JDK");
        }
        this.moduleDir = moduleDir;
        this.room = room;
        this.builtClasses = builtClasses;
        this.outputRoot = outputRoot;
    }

    /** Compiles every .java file of the room into a new folder under the output root. */
    Outcome compile() throws IOException {
        List<Path> sources = sources(room);
        Path out = outputRoot.resolve("room-" + (++count));
        Files.createDirectories(out);
        if (sources.isEmpty()) {
            return new Outcome(out, List.of());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            // The same release and debug information as Maven's build; the sources are the room's and nothing else.
            List<String> options = List.of("--release", "21", "-g", "-nowarn", "-proc:none", "-implicit:none",
                    "-encoding", "UTF-8", "-sourcepath", "", "-classpath", builtClasses.toString(), "-d", out.toString());
            boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            List<Problem> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    problems.add(problem(d));
                }
            }
            if (!ok && problems.isEmpty()) {
                problems.add(new Problem(moduleDir.relativize(room).toString(), 0, 0, "the compiler failed without saying why", ""));
            }
            return new Outcome(out, problems);
        }
    }

    /** Removes the folders of every compile but the one given. */
    void keepOnly(Path classes) throws IOException {
        if (!Files.isDirectory(outputRoot)) {
            return;
        }
        try (Stream<Path> old = Files.list(outputRoot)) {
            for (Path dir : old.filter(p -> p.getFileName().toString().startsWith("room-") && !p.equals(classes)).toList()) {
                FileTree.delete(dir);
            }
        } catch (IOException e) {
            // a folder in use (Windows) is removed next time
        }
    }

    /** The room's .java files, sorted. */
    static List<Path> sources(Path room) throws IOException {
        if (!Files.isDirectory(room)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(room)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private Problem problem(Diagnostic<? extends JavaFileObject> d) {
        String file = "";
        String source = "";
        if (d.getSource() != null) {
            Path path = Path.of(d.getSource().toUri());
            file = (path.startsWith(moduleDir) ? moduleDir.relativize(path) : path).toString().replace('\\', '/');
            try {
                List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
                if (d.getLineNumber() >= 1 && d.getLineNumber() <= lines.size()) {
                    source = lines.get((int) d.getLineNumber() - 1);
                }
            } catch (IOException e) {
                source = "";
            }
        }
        String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
        return new Problem(file, d.getLineNumber(), d.getColumnNumber(), message, source);
    }
}
