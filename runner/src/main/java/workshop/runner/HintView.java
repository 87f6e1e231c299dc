package workshop.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** Shows a step's next hint level, and remembers that the learner has seen it. */
final class HintView {
    private HintView() {
    }

    /** The next level of the step's hints, as text; the last one again once all were seen. */
    static String next(Module module, Readme readme, Step step, Terminal t) throws IOException {
        Hints hints = Hints.of(module.dir(), readme);
        List<Hints.Level> levels = hints.levels(step.id());
        String title = step.id() + " " + Readme.plain(step.title());
        if (levels.isEmpty()) {
            return "Step " + t.bold(title) + " has no hints" + (step.exercise() ? "" : ": there is nothing to write in it")
                    + ".\nRead " + step.link() + "\n";
        }
        Hints.Seen seen = new Hints.Seen(module.state());
        int shown = Math.min(seen.count(step.id()), levels.size() - 1);
        boolean again = seen.count(step.id()) >= levels.size();
        Hints.Level level = levels.get(again ? levels.size() - 1 : shown);
        seen.record(step.id(), again ? levels.size() : shown + 1);

        StringBuilder out = new StringBuilder();
        // A README's levels are named "Hint 1", "Hint 2": the number says it already.
        String name = level.name().matches("Hint \\d+") ? "" : level.name();
        String note = again ? (name.isEmpty() ? "" : name + ", ") + "again: it was the last one" : name;
        out.append(t.bold("Hint " + (levels.indexOf(level) + 1) + " of " + levels.size() + " for " + title))
                .append(note.isEmpty() ? "" : t.dim(" (" + note + ")")).append("\n\n");
        out.append(Render.indent(level.text(), "  ")).append('\n');
        int index = levels.indexOf(level);
        if (index + 1 < levels.size()) {
            out.append(t.dim("Ask again for the next one (" + levels.get(index + 1).name() + "). All of them: "
                    + hints.source() + ", section " + step.id() + ".")).append('\n');
        } else {
            String finished = "../solutions/" + module.name() + "/src/exercise/java/";
            boolean hasSolutions = Files.isDirectory(module.kit().resolve("solutions").resolve(module.name()));
            out.append(t.dim("That was the last hint for " + step.id() + "."
                    + (hasSolutions ? " The finished files are in " + finished + "." : ""))).append('\n');
        }
        return out.toString();
    }
}
