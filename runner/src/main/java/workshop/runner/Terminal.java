package workshop.runner;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the runner writes: colours and a cleared screen in a terminal, plain text anywhere else (a pipe,
 * a file, an IDE's console that does not understand colours, or when {@code NO_COLOR} is set).
 */
final class Terminal {
    private final PrintStream out;
    private final boolean color;
    private final boolean interactive;

    Terminal(PrintStream out, boolean color, boolean interactive) {
        this.out = out;
        this.color = color;
        this.interactive = interactive;
    }

    /** The runner's standard output, with colours when it ends in a terminal and the learner did not ask for none. */
    static Terminal detect(boolean noColor) {
        boolean terminal = isTerminal() || mavenOutputIsTerminal();
        boolean color = terminal && !noColor && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        return new Terminal(System.out, color, terminal);
    }

    /**
     * Maven's exec plugin hands the runner's output to Maven through a pipe, so the runner cannot see the
     * terminal at the end. On Linux, it asks where the output of the processes above it goes; elsewhere a
     * terminal is assumed when the environment names one (TERM, or Windows Terminal's WT_SESSION).
     */
    private static boolean mavenOutputIsTerminal() {
        ProcessHandle process = ProcessHandle.current().parent().orElse(null);
        for (int depth = 0; process != null && depth < 4; depth++, process = process.parent().orElse(null)) {
            Path output = Path.of("/proc", Long.toString(process.pid()), "fd", "1");
            if (!Files.exists(Path.of("/proc/self"))) {
                break;
            }
            try {
                String target = Files.readSymbolicLink(output).toString();
                if (!target.startsWith("pipe:")) {
                    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
                }
            } catch (IOException | RuntimeException unreadable) {
                return false;
            }
        }
        return !Files.exists(Path.of("/proc/self"))
                && ((System.getenv("TERM") != null && !System.getenv("TERM").isBlank()) || System.getenv("WT_SESSION") != null);
    }

    /** True in a terminal. Java 22+ has a Console even for a pipe, and says with isTerminal() whether it is one. */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException olderJava) {
            return true; // Java 21: a console exists only for a terminal
        }
    }

    boolean interactive() {
        return interactive;
    }

    void print(String text) {
        out.print(text);
        out.flush();
    }

    void println(String text) {
        out.println(text);
        out.flush();
    }

    /** Clears the screen before a new verdict, in a terminal only. */
    void clear() {
        if (interactive && color) {
            out.print("\033[H\033[2J\033[3J");
            out.flush();
        }
    }

    String green(String text) {
        return paint("32", text);
    }

    String red(String text) {
        return paint("31", text);
    }

    String yellow(String text) {
        return paint("33", text);
    }

    String bold(String text) {
        return paint("1", text);
    }

    String dim(String text) {
        return paint("2", text);
    }

    private String paint(String code, String text) {
        return color ? "\033[" + code + "m" + text + "\033[0m" : text;
    }
}
