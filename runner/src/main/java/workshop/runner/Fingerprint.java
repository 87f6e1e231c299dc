package workshop.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fingerprint of one version of a module's code, as the tests see it: the learner's source files, the
 * build's other classes (given code and tests) by content, and the JUnit configuration. The build's own
 * copy of the learner's classes is left out (the runner compiles the room itself), so rebuilding with
 * Maven does not change the fingerprint, while any edit in the room or any change of a test does.
 */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(Module module, Map<String, String> junitConfig) throws IOException {
        MessageDigest digest = sha256();
        List<Path> sources = RoomCompiler.sources(module.room());
        List<String> learnerClasses = sources.stream()
                .map(p -> module.room().relativize(p).toString().replace('\\', '/').replaceFirst("\\.java$", ""))
                .toList();
        for (Path source : sources) {
            add(digest, module.room().relativize(source).toString(), Files.readAllBytes(source));
        }
        for (Path folder : List.of(module.classes(), module.testClasses())) {
            for (Path file : files(folder)) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                boolean learners = learnerClasses.stream().anyMatch(c -> name.equals(c + ".class") || name.startsWith(c + "$"));
                if (!learners && !name.startsWith("workshop/runner/")) {
                    add(digest, name, Files.readAllBytes(file));
                }
            }
        }
        add(digest, "junit", junitConfig.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void add(MessageDigest digest, String name, byte[] content) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
