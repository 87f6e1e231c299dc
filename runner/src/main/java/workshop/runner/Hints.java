package workshop.runner;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's hints, one level at a time. They live in {@code HINTS.md}: a section per step, headed
 * {@code ## 1.2 ...}, holding its levels in order, each headed {@code ### Nudge}, {@code ### API} and
 * {@code ### Code}. A module whose hints are still in its README ({@code <details><summary>Hint 1</summary>}
 * blocks inside the step's section) gets those instead. Which levels a learner has seen is kept in a
 * small file under {@code target/}, so that each call shows the next one.
 */
final class Hints {
    private static final Pattern STEP = Pattern.compile("^##\\s+(\\d+\\.\\d+)\\b.*$");
    private static final Pattern LEVEL = Pattern.compile("^###\\s+(.+?)\\s*$");
    private static final Pattern SUMMARY = Pattern.compile("<details>\\s*<summary>(Hint[^<]*)</summary>(.*)$");

    /**
     * One hint.
     *
     * @param name its level: Nudge, API, Code (or the README's "Hint 1")
     * @param text the Markdown text
     */
    record Level(String name, String text) {
    }

    private final String source;
    private final Map<String, List<Level>> byStep;

    private Hints(String source, Map<String, List<Level>> byStep) {
        this.source = source;
        this.byStep = byStep;
    }

    /** The hints of a module: its HINTS.md, or else the hint blocks of its README. */
    static Hints of(Path moduleDir, Readme readme) throws IOException {
        Path file = moduleDir.resolve("HINTS.md");
        if (Files.exists(file)) {
            return new Hints("HINTS.md", parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return fromReadme(readme);
    }

    /** Where the hints were read from: HINTS.md or README.md. */
    String source() {
        return source;
    }

    /** The levels of a step, in order; empty when it has none. */
    List<Level> levels(String step) {
        return byStep.getOrDefault(step, List.of());
    }

    /** Reads the HINTS.md format: {@code ## 1.2 ...} per step, then {@code ### Level} per level. */
    static Map<String, List<Level>> parse(List<String> lines) {
        Map<String, List<Level>> byStep = new LinkedHashMap<>();
        String step = null;
        String level = null;
        StringBuilder text = new StringBuilder();
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            Matcher stepHeading = inCode ? null : STEP.matcher(line);
            Matcher levelHeading = inCode ? null : LEVEL.matcher(line);
            boolean startsStep = stepHeading != null && stepHeading.matches();
            boolean startsLevel = levelHeading != null && levelHeading.matches();
            boolean endsSection = !inCode && line.startsWith("#") && !startsLevel;
            if (startsStep || startsLevel || endsSection) {
                add(byStep, step, level, text);
                level = null;
                text.setLength(0);
            }
            if (startsStep) {
                step = stepHeading.group(1);
            } else if (startsLevel && step != null) {
                level = levelHeading.group(1);
            } else if (endsSection) {
                step = null;
            } else if (level != null) {
                text.append(line).append('\n');
            }
        }
        add(byStep, step, level, text);
        return byStep;
    }

    /** The {@code <details><summary>Hint ...</summary>} blocks of each step section of a README. */
    static Hints fromReadme(Readme readme) {
        Map<String, List<Level>> byStep = new LinkedHashMap<>();
        for (String step : readme.steps()) {
            String level = null;
            StringBuilder text = new StringBuilder();
            for (String line : readme.lines(readme.section(step))) {
                Matcher summary = SUMMARY.matcher(line);
                if (level == null && summary.find()) {
                    level = summary.group(1).strip();
                    text.append(summary.group(2)).append('\n');
                } else if (level != null && line.contains("</details>")) {
                    text.append(line, 0, line.indexOf("</details>"));
                    add(byStep, step, level, text);
                    level = null;
                    text.setLength(0);
                } else if (level != null) {
                    text.append(line).append('\n');
                }
            }
        }
        return new Hints(readme.file(), byStep);
    }

    private static void add(Map<String, List<Level>> byStep, String step, String level, StringBuilder text) {
        if (step != null && level != null) {
            byStep.computeIfAbsent(step, s -> new ArrayList<>()).add(new Level(level, text.toString().strip()));
        }
    }

    /** How many levels of each step a learner has already seen, kept in {@code hints.properties}. */
    static final class Seen {
        private final Path file;
        private final Properties seen = new Properties();

        Seen(Path stateDir) throws IOException {
            this.file = stateDir.resolve("hints.properties");
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    seen.load(in);
                }
            }
        }

        int count(String step) {
            try {
                return Integer.parseInt(seen.getProperty(step, "0"));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        void record(String step, int count) throws IOException {
            seen.setProperty(step, Integer.toString(count));
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                seen.store(out, "hint levels seen per step; delete this file to start the hints over");
            }
        }
    }
}
