package workshop.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A module's README, read for its step sections: every heading such as {@code ### 1.2 Title} starts step 1.2. */
final class Readme {
    private static final Pattern STEP_HEADING = Pattern.compile("^#{2,4}\\s+(\\d+\\.\\d+)\\s+(.*?)\\s*$");

    /**
     * A step's section.
     *
     * @param step the step ID
     * @param title the heading after the ID, as written (with its Markdown)
     * @param anchor the heading's link anchor, as GitHub and most Markdown viewers make it
     * @param firstLine the section's first line after the heading, 0-based
     * @param endLine the line after the section's last, 0-based
     */
    record Section(String step, String title, String anchor, int firstLine, int endLine) {
    }

    private final String file;
    private final List<String> lines;
    private final Map<String, Section> sections = new LinkedHashMap<>();

    Readme(String file, List<String> lines) {
        this.file = file;
        this.lines = List.copyOf(lines);
        Section open = null;
        boolean inCode = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inCode = !inCode; // a "# comment" inside a code block is no heading
            }
            if (inCode || !line.startsWith("#")) {
                continue;
            }
            if (open != null) {
                sections.put(open.step(), new Section(open.step(), open.title(), open.anchor(), open.firstLine(), i));
                open = null;
            }
            Matcher heading = STEP_HEADING.matcher(line);
            if (heading.matches() && !sections.containsKey(heading.group(1))) {
                String text = heading.group(1) + " " + heading.group(2);
                open = new Section(heading.group(1), heading.group(2), anchor(text), i + 1, lines.size());
            }
        }
        if (open != null) {
            sections.put(open.step(), open);
        }
    }

    /** The README of a module folder, or an empty one when the module has none. */
    static Readme of(Path moduleDir) throws IOException {
        Path path = moduleDir.resolve("README.md");
        return new Readme("README.md", Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of());
    }

    /** The file name, for links. */
    String file() {
        return file;
    }

    /** The section of a step, or null. */
    Section section(String step) {
        return sections.get(step);
    }

    /** The step IDs that have a section, in the README's order. */
    List<String> steps() {
        return List.copyOf(sections.keySet());
    }

    /** The lines of a section, heading excluded. */
    List<String> lines(Section section) {
        return lines.subList(section.firstLine(), section.endLine());
    }

    /**
     * The anchor GitHub gives a heading: lower case, every character dropped except letters, digits,
     * spaces, hyphens and underscores, then spaces turned into hyphens.
     */
    static String anchor(String heading) {
        StringBuilder out = new StringBuilder();
        for (char ch : heading.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(ch) || ch == '-' || ch == '_') {
                out.append(ch);
            } else if (ch == ' ') {
                out.append('-');
            }
        }
        return out.toString();
    }

    /** A title for a terminal: Markdown's backticks and link brackets removed. */
    static String plain(String markdown) {
        return markdown.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("**", "");
    }
}
