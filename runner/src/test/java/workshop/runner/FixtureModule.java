package workshop.runner;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the tiny learner module of {@code src/test/fixture} in a folder, the way Maven builds a kit
 * module: the learner's room, its classes, its test classes, a README; then the runner can work on it.
 */
final class FixtureModule {
    static final Path SOURCE = Path.of("src/test/fixture");

    private FixtureModule() {
    }

    static Module build(Path dir) throws IOException {
        Path room = copy(SOURCE.resolve("room"), dir.resolve("src/exercise/java"));
        Files.copy(SOURCE.resolve("README.md"), dir.resolve("README.md"), StandardCopyOption.REPLACE_EXISTING);
        Path classes = dir.resolve("target/classes");
        Path testClasses = dir.resolve("target/test-classes");
        compile(room, classes, "");
        compile(SOURCE.resolve("tests"), testClasses, classes.toString());
        return new Module(dir, dir, room, classes, testClasses, dir.resolve("target/runner"));
    }

    /** The fixture's starter file, or a finished one. */
    static void writeGreeter(Module module, boolean finished) throws IOException {
        Path file = module.room().resolve("fixture/Greeter.java");
        String source = Files.readString(SOURCE.resolve("room/fixture/Greeter.java"));
        if (finished) {
            source = source.replaceAll("(?s)throw new UnsupportedOperationException\\(.*?\\);", "return \"hello, \" + name;");
        }
        Files.writeString(file, source);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static void compile(Path sources, Path out, String extraClasspath) throws IOException {
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("--release", "21", "-g", "-proc:none", "-d", out.toString(), "-classpath",
                extraClasspath + File.pathSeparator + System.getProperty("java.class.path")));
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        if (status != 0) {
            throw new IOException("the fixture does not compile (see the compiler's output above)");
        }
    }
}
