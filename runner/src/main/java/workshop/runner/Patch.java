package workshop.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A known mistake kept as a unified diff of one learner file ({@code diff -u finished wrong}), so the folder shows
 * the mistake in a few lines and follows every later change to the finished file. It applies with no fuzz: every
 * context and removed line must match the finished file exactly, or the mistake is reported as not applying.
 */
final class Patch {
    static final String SUFFIX = ".patch";
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+\\d+(?:,\\d+)? @@.*");

    private Patch() {
    }

    /** The finished text with the diff applied; throws IllegalArgumentException naming the first line that differs. */
    static String apply(String finished, String diff) {
        List<String> lines = finished.lines().toList();
        List<String> out = new ArrayList<>();
        int next = 0; // index of the next finished line not yet copied
        boolean inHunk = false;
        int hunks = 0;
        for (String line : diff.lines().toList()) {
            Matcher hunk = HUNK.matcher(line);
            if (hunk.matches()) {
                int oldStart = Integer.parseInt(hunk.group(1));
                int oldCount = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
                int from = oldCount == 0 ? oldStart : oldStart - 1; // an empty old side names the line before it
                if (from < next || from > lines.size()) {
                    throw new IllegalArgumentException("hunk '" + line + "' starts outside the finished file or overlaps the one before");
                }
                out.addAll(lines.subList(next, from));
                next = from;
                inHunk = true;
                hunks++;
            } else if (!inHunk || line.startsWith("\\")) {
                continue; // the ---/+++ header, or "\ No newline at end of file"
            } else if (line.startsWith("+")) {
                out.add(line.substring(1));
            } else {
                boolean removed = line.startsWith("-");
                String expected = line.isEmpty() ? "" : line.substring(1);
                String actual = next < lines.size() ? lines.get(next) : null;
                if (!expected.equals(actual)) {
                    throw new IllegalArgumentException("at line " + (next + 1) + " of the finished file the patch expects '"
                            + expected.strip() + "' but finds " + (actual == null ? "the end of the file" : "'" + actual.strip() + "'")
                            + ": the finished file changed, so write the mistake again and regenerate the patch with diff -u");
                }
                if (!removed) {
                    out.add(actual);
                }
                next++;
            }
        }
        if (hunks == 0) {
            throw new IllegalArgumentException("no hunk (a line starting with @@): write it with diff -u finished wrong");
        }
        out.addAll(lines.subList(next, lines.size()));
        return String.join("\n", out) + "\n";
    }
}
