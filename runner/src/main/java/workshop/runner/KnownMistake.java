package workshop.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One known mistake of a step (KIT-GUIDE.md, 4b): a folder under {@code solutions/<module>/wrong/} with the
 * wrong version of one or more learner files, each at its path under {@code src/exercise/java}, whole or as a
 * {@code .java.patch} of the finished file ({@link Patch}), and an {@code expect} file:
 * <pre>
 * step: 4.2                                  the step whose tests it must turn red
 * message: but the most lookups running at once was 1      words a failure message must contain (one or more lines)
 * within: 15 s                               optional: every failing test ends within this (default: its bound plus 1 s)
 * mistake: bounded, but to one thread         optional: the mistake in a few words, for the self-check's report
 * </pre>
 * Blank lines and lines starting with {@code #} are ignored. A README.md in the folder is ignored too.
 *
 * @param name the folder's name, such as {@code 4.2-pool-of-one}
 * @param step the step ID
 * @param messages words a failure message must contain, each of them (whitespace counts as one space)
 * @param withinMillis the bound for each failing test, or 0 for each test's own bound plus a second
 * @param what the mistake in a few words, or empty
 * @param files the wrong files, relative to the room ({@code workshop/pitfalls/NonBlockingHandlers.java})
 * @param problems what is wrong with the folder itself; empty when it can be checked
 */
record KnownMistake(String name, String step, List<String> messages, long withinMillis, String what, List<Path> files,
                    List<String> problems) {
    static final String EXPECT = "expect";
    private static final Pattern STEP_ID = Pattern.compile("\\d+\\.\\d+");

    /** Reads a mistake's folder; {@code finishedRoom} is where the learner files it replaces must exist. */
    static KnownMistake read(Path dir, Path finishedRoom) throws IOException {
        String name = dir.getFileName().toString();
        List<String> problems = new ArrayList<>();
        String step = "";
        List<String> messages = new ArrayList<>();
        long within = 0;
        String what = "";
        Path expect = dir.resolve(EXPECT);
        if (!Files.isRegularFile(expect)) {
            problems.add("no " + EXPECT + " file (step: N.M, message: words the learner must read)");
        } else {
            for (String raw : Files.readAllLines(expect, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String key = colon < 0 ? line : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : line.substring(colon + 1).strip();
                switch (key) {
                    case "step" -> step = value;
                    case "message" -> {
                        if (!value.isEmpty()) {
                            messages.add(value);
                        }
                    }
                    case "within" -> {
                        within = JUnitConfig.durationMillis(value);
                        if (within <= 0) {
                            problems.add(EXPECT + ": within: '" + value + "' is not a duration such as 15 s or 500 ms");
                            within = 0;
                        }
                    }
                    case "mistake" -> what = value;
                    default -> problems.add(EXPECT + ": unknown line '" + line + "' (step, message, within or mistake)");
                }
            }
            if (!STEP_ID.matcher(step).matches()) {
                problems.add(EXPECT + ": " + (step.isEmpty() ? "no step: N.M line" : "step: '" + step + "' is not a step ID such as 4.2"));
            }
            if (messages.isEmpty()) {
                problems.add(EXPECT + ": no message: line (words a failure message must contain)");
            }
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = dir.relativize(file);
                String fileName = file.getFileName().toString();
                if (relative.toString().equals(EXPECT) || fileName.endsWith(".md")) {
                    continue;
                }
                boolean patch = fileName.endsWith(".java" + Patch.SUFFIX);
                Path learnerFile = patch ? relative.resolveSibling(fileName.substring(0, fileName.length() - Patch.SUFFIX.length()))
                        : relative;
                if (!patch && !fileName.endsWith(".java")) {
                    problems.add(relative + " is neither a .java file nor a .java.patch");
                } else if (!Files.isRegularFile(finishedRoom.resolve(learnerFile.toString()))) {
                    problems.add(learnerFile + " is not a learner file: put it at its path under src/exercise/java"
                            + " (such as workshop/pitfalls/NonBlockingHandlers.java" + (patch ? Patch.SUFFIX : "") + ")");
                } else if (files.contains(learnerFile)) {
                    problems.add(learnerFile + " is there both whole and as a patch: keep one");
                } else {
                    try {
                        wrongText(dir, finishedRoom, learnerFile);
                        files.add(learnerFile);
                    } catch (IllegalArgumentException e) {
                        problems.add(relative + " does not apply: " + e.getMessage());
                    }
                }
            }
        }
        if (files.isEmpty() && problems.stream().noneMatch(p -> p.contains("not a learner file"))) {
            problems.add("no wrong learner file in the folder");
        }
        return new KnownMistake(name, step, List.copyOf(messages), within, what, List.copyOf(files), List.copyOf(problems));
    }

    /** The finished room with this mistake's files written over it, in {@code into} (emptied first). */
    Path overlay(Path dir, Path finishedRoom, Path into) throws IOException {
        FileTree.delete(into);
        try (Stream<Path> walk = Files.walk(finishedRoom)) {
            for (Path p : walk.sorted().toList()) {
                Path target = into.resolve(finishedRoom.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        for (Path file : files) {
            Path target = into.resolve(file.toString());
            Files.createDirectories(target.getParent());
            Files.writeString(target, wrongText(dir, finishedRoom, file), StandardCharsets.UTF_8);
        }
        return into;
    }

    /** The wrong version of one learner file: kept whole in the folder, or as a patch of the finished file. */
    private static String wrongText(Path dir, Path finishedRoom, Path learnerFile) throws IOException {
        Path whole = dir.resolve(learnerFile.toString());
        if (Files.isRegularFile(whole)) {
            return Files.readString(whole, StandardCharsets.UTF_8);
        }
        String finished = Files.readString(finishedRoom.resolve(learnerFile.toString()), StandardCharsets.UTF_8);
        return Patch.apply(finished, Files.readString(dir.resolve(learnerFile + Patch.SUFFIX), StandardCharsets.UTF_8));
    }

    /** Text with every run of whitespace as one space, to look for words across a message's line breaks. */
    static String squeeze(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
