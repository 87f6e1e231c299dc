package workshop.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the runner shows, as text: a step's verdict, a module's progress, compile errors, what a
 * run left behind. A failure shows only what a learner needs: the step, the test's name, the TODO or
 * assertion message (with the timeline the test drew, which is part of it), the learner's line it went
 * through, and the README section. Never a stack trace.
 */
final class Render {
    static final String PASS = "✓";
    static final String FAIL = "✗";
    static final String NOT_RUN = "·";
    /** Ways to fail (tests failing with the same message) shown in full; the others by name. */
    static final int DETAILED = 3;
    /** Tests named above a message they share. */
    static final int NAMED = 3;
    /** Lines of a failure message shown; a timeline of 20 requests fits. */
    static final int MESSAGE_LINES = 32;
    /** Lines of a failing test's own output shown, the last ones. */
    static final int OUTPUT_LINES = 8;
    private static final int TITLE_WIDTH = 50;

    private final Terminal t;
    private final String roomPrefix;

    /**
     * @param t colours or not
     * @param roomPrefix the room's path from the module folder, with a trailing slash, to make the learner's lines clickable
     */
    Render(Terminal t, String roomPrefix) {
        this.t = t;
        this.roomPrefix = roomPrefix;
    }

    /** One line per step: mark, ID, title, tests passed. */
    String stepLine(Step step, Results.Status status) {
        String mark;
        if (status.total() == 0) {
            mark = t.dim(NOT_RUN);
        } else if (step.exercise() ? status.done() : status.passed() == status.total()) {
            mark = t.green(PASS);
        } else {
            mark = t.red(FAIL);
        }
        String count = status.total() == 0 ? "not run" : status.passed() + "/" + status.total() + (status.complete() ? "" : "+");
        String kind = step.exercise() ? "" : "  demo";
        return "  " + mark + " " + pad(step.id() + " " + Readme.plain(step.title())) + " " + count + kind;
    }

    /** A module's progress: every step, how many steps are done, and the next one. */
    String progress(String module, String code, List<Step> steps, Results results) {
        StringBuilder out = new StringBuilder();
        out.append(t.bold(module)).append(t.dim(" (" + code + ")")).append('\n');
        steps.forEach(step -> out.append(stepLine(step, results.status(step))).append('\n'));
        return out.append(summary(steps, results)).toString();
    }

    /** How many steps are done, and the next one. */
    String summary(List<Step> steps, Results results) {
        long exercises = steps.stream().filter(Step::exercise).count();
        long done = steps.stream().filter(s -> s.exercise() && results.status(s).done()).count();
        Step next = steps.stream().filter(s -> s.exercise() && !results.status(s).done()).findFirst().orElse(null);
        String count = done + " of " + exercises + " steps done. ";
        return next == null ? t.green(count + "Every step is done.") + "\n" : count + next(next);
    }

    /** The next step and its README section. */
    String next(Step step) {
        return "Next: " + t.bold(step.id() + " " + Readme.plain(step.title())) + "\n      " + step.link() + "\n";
    }

    /** A step's verdict after a run: green in one line; red with each failing test explained. */
    String verdict(Step step, List<Results.Ran> ran, long millis, String hintHow) {
        long passed = ran.stream().filter(Results.Ran::passed).count();
        String title = step.id() + " " + Readme.plain(step.title());
        String time = t.dim(" (" + Run.seconds(millis) + ")");
        if (!ran.isEmpty() && passed == ran.size()) {
            return t.green(PASS + " " + title) + ": " + (ran.size() == 1 ? "its test passes" : "all " + ran.size() + " tests pass")
                    + time + "\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(t.red(FAIL + " " + title)).append(": ").append(passed).append(" of ").append(ran.size())
                .append(ran.size() == 1 ? " test passes" : " tests pass").append(time).append("\n");
        // Tests that fail the same way are named together, above their one message.
        Map<String, List<Results.Ran>> byMessage = new LinkedHashMap<>();
        ran.stream().filter(r -> !r.passed()).forEach(r -> byMessage.computeIfAbsent(
                r.result() == null ? "" : r.result().message() + "\u0000" + r.result().where(), k -> new ArrayList<>()).add(r));
        int shown = 0;
        for (List<Results.Ran> group : byMessage.values()) {
            if (shown++ == DETAILED) {
                int more = byMessage.size() - DETAILED;
                out.append("\n  and ").append(more).append(more == 1 ? " more way to fail:\n" : " more ways to fail:\n");
                byMessage.values().stream().skip(DETAILED).flatMap(List::stream)
                        .forEach(r -> out.append("    ").append(FAIL).append(' ').append(r.test().name()).append('\n'));
                break;
            }
            out.append('\n');
            group.stream().limit(NAMED).forEach(r -> out.append("  ").append(t.red(FAIL)).append(' ').append(t.bold(r.test().name())).append('\n'));
            if (group.size() > NAMED) {
                int more = group.size() - NAMED;
                out.append("    and ").append(more).append(more == 1 ? " more that fails the same way\n" : " more that fail the same way\n");
            }
            Result result = group.get(0).result();
            if (result == null) {
                out.append("      did not run: the run stopped before it\n");
                continue;
            }
            out.append(indent(cut(result.message().isBlank() ? "(no message)" : result.message(), MESSAGE_LINES), "      "));
            if (!result.where().isEmpty()) {
                out.append("      ").append(t.dim("your code: ")).append(roomPrefix).append(result.where()).append('\n');
            }
            if (!result.output().isBlank()) {
                out.append("      ").append(t.dim("it printed (last lines):")).append('\n')
                        .append(indent(last(result.output(), OUTPUT_LINES), "        "));
            }
        }
        out.append("\n  Read: ").append(step.link()).append(hintHow.isEmpty() ? "" : "    Hint: " + hintHow).append('\n');
        return out.toString();
    }

    /** Compile errors: file:line, the message, the line of code with a caret. */
    String compileErrors(List<RoomCompiler.Problem> problems) {
        StringBuilder out = new StringBuilder();
        out.append(t.red(FAIL + " Your code does not compile")).append(" (").append(problems.size())
                .append(problems.size() == 1 ? " error" : " errors").append("):\n");
        for (RoomCompiler.Problem p : problems.subList(0, Math.min(problems.size(), RoomCompiler.SHOWN))) {
            out.append("\n  ").append(t.bold(p.file() + ":" + p.line())).append(": ").append(p.message()).append('\n');
            if (!p.source().isBlank()) {
                out.append("      ").append(p.source().stripTrailing()).append('\n');
                if (p.column() >= 1) {
                    out.append("      ").append(" ".repeat((int) Math.min(p.column() - 1, p.source().length())))
                            .append(t.red("^")).append('\n');
                }
            }
        }
        if (problems.size() > RoomCompiler.SHOWN) {
            out.append("\n  and ").append(problems.size() - RoomCompiler.SHOWN).append(" more; the first one often causes the rest.\n");
        }
        return out.toString();
    }

    /**
     * What a run left running, and that it cannot harm the next run. Said only after a run whose tests all
     * passed: a failing test often skips its own clean-up, and the learner has a failure to read first.
     */
    String leftovers(Run run) {
        boolean allPassed = run.results.values().stream().allMatch(Result::passed);
        if ((run.leftoverThreads.isEmpty() && run.leftoverSockets == 0) || !allPassed) {
            return "";
        }
        StringBuilder what = new StringBuilder();
        if (!run.leftoverThreads.isEmpty()) {
            List<String> names = run.leftoverThreads;
            what.append(names.size()).append(names.size() == 1 ? " thread" : " threads").append(" (")
                    .append(String.join(", ", names.subList(0, Math.min(5, names.size()))))
                    .append(names.size() > 5 ? ", ..." : "").append(")");
        }
        if (run.leftoverSockets > 0) {
            what.append(what.length() > 0 ? " and " : "").append(run.leftoverSockets)
                    .append(run.leftoverSockets == 1 ? " socket" : " sockets");
        }
        return t.yellow("! Left running after the tests: " + what) + "\n"
                + "  Something the code started was never stopped: an executor never shut down, a server never closed,\n"
                + "  a thread that never ends. The next run starts in a fresh JVM, so it cannot get in the way.\n";
    }

    private static String pad(String text) {
        String cut = text.length() > TITLE_WIDTH ? text.substring(0, TITLE_WIDTH - 3) + "..." : text;
        return cut + " ".repeat(Math.max(0, TITLE_WIDTH - cut.length()));
    }

    static String cut(String text, int maxLines) {
        List<String> lines = text.lines().toList();
        if (lines.size() <= maxLines) {
            return text;
        }
        return String.join("\n", lines.subList(0, maxLines)) + "\n... (" + (lines.size() - maxLines) + " more lines)";
    }

    private static String last(String text, int maxLines) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
    }

    static String indent(String text, String prefix) {
        StringBuilder out = new StringBuilder();
        text.lines().forEach(line -> out.append(prefix).append(line).append('\n'));
        return out.toString();
    }
}
