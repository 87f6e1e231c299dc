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

    /** Awaitility's message for a condition with an alias: the alias, the time, and why. */
    private static final Pattern AWAIT_ALIAS = Pattern.compile("(?s)Condition with alias '(.*?)' didn't complete within (.+?) because (.*)");
    /** Awaitility's wording for an assertion that kept failing, around the assertion's own message. */
    private static final Pattern AWAIT_ASSERTION = Pattern.compile("(?s)assertion condition defined as a (?:Lambda expression|.*?) in \\S+ (.*?)\\.?");
    /** Awaitility's message for an assertion without an alias. */
    private static final Pattern AWAIT_PLAIN = Pattern.compile("(?s)Assertion condition defined as a (?:Lambda expression|.*?) in \\S+ (.*) within (.+?)\\.?");
    /** Awaitility's wording for a condition that carries nothing but "false". */
    private static final Pattern LAMBDA = Pattern.compile("(?s)condition with (?:Lambda expression|.*?) in \\S+ was not fulfilled\\.?");

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
        if (thrown.getClass().getName().equals("org.awaitility.core.ConditionTimeoutException") && thrown.getMessage() != null) {
            return waited(thrown.getMessage().strip());
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
     * An Awaitility time-out in the test's own words: what it waited for (the condition's alias) and for how
     * long, then what the last check saw, without the library's "Lambda expression in ..." wording.
     */
    static String waited(String message) {
        Matcher alias = AWAIT_ALIAS.matcher(message);
        if (alias.matches()) {
            String rest = alias.group(3);
            Matcher assertion = AWAIT_ASSERTION.matcher(rest);
            String saw = assertion.matches() ? assertion.group(1).strip() : LAMBDA.matcher(rest).matches() ? "" : rest.strip();
            return "waited " + alias.group(2) + " for: " + alias.group(1) + (saw.isEmpty() ? ", and it never came" : "\nthe last check said: " + saw);
        }
        Matcher plain = AWAIT_PLAIN.matcher(message);
        if (plain.matches()) {
            return "waited " + plain.group(2) + " for a condition; the last check said: " + plain.group(1).strip();
        }
        return message;
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
