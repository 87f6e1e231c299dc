package workshop.runner;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runner's command line: a command, the module's paths (the root pom passes them), and the learner's
 * options, which come through {@code -Dkit.args="..."}.
 *
 * @param command watch, progress, hint, kit or mistakes
 * @param values every {@code --name value} option
 * @param flags every {@code --name} option without a value
 */
record Options(String command, Map<String, String> values, Set<String> flags) {
    static final String USAGE = """
            The kit's runner, for learners. In a module's folder:
              ../mvnw -q test-compile exec:exec@progress   every step: done or not, and the next one
              ../mvnw -q test-compile exec:exec@watch      re-run the current step's tests on every save
              ../mvnw -q test-compile exec:exec@hint       the next hint for the current step
            From the kit's root, ./mvnw -q test-compile exec:exec@progress shows every module.
            Options, as -Dkit.args="...":
              --step N.M   watch: work on step N.M only; hint: a hint for step N.M
              --fresh      progress: run every test again, even when the code has not changed
              --no-color   plain text, no colours
            For the kit's maintainers, with the finished files (solutions/<module>/wrong/, see solutions/README.md):
              ../mvnw -q -Psolutions test-compile exec:exec@mistakes [-Dkit.args="--variant NAME"]
            """;
    private static final Set<String> FLAGS = Set.of("--fresh", "--no-color", "--help");

    static Options parse(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            if (FLAGS.contains(args[i])) {
                flags.add(args[i]);
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                values.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + "\n\n" + USAGE);
            }
        }
        return new Options(command, values, flags);
    }

    String value(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    Path path(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name + ": start the runner through Maven, as in\n\n" + USAGE);
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    long millis(String name, long otherwise) {
        return Long.parseLong(value(name, Long.toString(otherwise)));
    }

    /** The module's paths. */
    Module module() {
        return new Module(path("--kit"), path("--module"), path("--room"), path("--classes"), path("--test-classes"), path("--state"));
    }

    /** Words for whose code runs. */
    static String code(Module module) {
        return List.of(module.room().toString().replace('\\', '/').split("/")).contains("solutions")
                ? "the finished code, -Psolutions" : "your code";
    }
}
