package workshop.runner;

import java.net.BindException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what a failed test threw into what a learner needs to read: the TODO or the assertion message
 * (with the timeline the test drew, which is part of it), or else the exception in one line; no stack
 * trace. A separate line says where the failure passed through the learner's own code.
 */
final class Failures {
    /** How many causes of an unexpected exception are named. */
    private static final int CAUSES = 2;
    /** A starter's instruction, as the kit writes them: {@code TODO 1.2: ... (README.md, step 1.2)}. */
    private static final Pattern TODO = Pattern.compile("TODO \\d+\\.\\d+: (?:[^\\n]*?\\(README\\.md[^)]*\\)|[^\\n\"]*)");
    /** A stack frame or its "more lines" note, as AssertJ puts into a message about an unexpected exception. */
    private static final Pattern FRAME = Pattern.compile("^\\s*(at \\S+\\(.*\\)|\\.\\.\\.\\s*\\(?\\d+ (more|remaining).*)$");

    private Failures() {
    }

    /**
     * The message a learner reads. A message that carries a starter's TODO (the server answered 500 with
     * it, or AssertJ quotes the exception) is just that TODO: it says what to do. Stack frames quoted in
     * a message are left out.
     */
    static String message(Throwable thrown) {
        String message = raw(thrown);
        Matcher todo = TODO.matcher(message);
        if (todo.find()) {
            return todo.group().replace("\\\"", "\"");
        }
        return message.lines().filter(line -> !FRAME.matcher(line).matches())
                .collect(Collectors.joining("\n"));
    }

    private static String raw(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        BindException portInUse = find(thrown, BindException.class);
        if (portInUse != null) {
            return "A port was already in use (" + portInUse.getMessage() + "): another program, perhaps a server you\n"
                    + "started with exec:exec@run, is listening on it. Stop that program, or choose another port.\n"
                    + summary(thrown);
        }
        if (thrown instanceof TimeoutException timeout) {
            return "stopped at its time bound: " + timeout.getMessage()
                    + "\n(a wait with no end? look for a get() or join() without a timeout, a lock or latch never released)";
        }
        if (thrown instanceof AssertionError || isTodo(thrown)) {
            return thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage().strip();
        }
        StringBuilder text = new StringBuilder(summary(thrown));
        Throwable cause = thrown.getCause();
        for (int i = 0; i < CAUSES && cause != null && cause != thrown; i++, cause = cause.getCause()) {
            text.append("\ncaused by ").append(summary(cause));
        }
        return text.toString();
    }

    /**
     * Where the failure passed through the learner's code: the first frame of a room class in the
     * exception or its causes, as {@code workshop/sync/SyncEndpoints.java:42}; empty when none.
     */
    static String where(Throwable thrown, Set<String> roomClasses) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String frame = firstFrame(t.getStackTrace(), roomClasses);
            if (!frame.isEmpty()) {
                return frame;
            }
        }
        return "";
    }

    /** The first frame of one of {@code classes}, as a path and line, or empty. */
    static String firstFrame(StackTraceElement[] stack, Set<String> classes) {
        for (StackTraceElement frame : stack) {
            String topLevel = frame.getClassName().replaceFirst("\\$.*", "");
            if (classes.contains(topLevel) && frame.getFileName() != null && frame.getLineNumber() > 0) {
                int dot = topLevel.lastIndexOf('.');
                String folder = dot < 0 ? "" : topLevel.substring(0, dot + 1).replace('.', '/');
                return folder + frame.getFileName() + ":" + frame.getLineNumber();
            }
        }
        return "";
    }

    /** An exception in one line: its simple name and message. */
    static String summary(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    private static boolean isTodo(Throwable t) {
        return t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().startsWith("TODO");
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
