package workshop.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * One line on the pipe between the runner and its worker JVM: fields separated by tabs, each field
 * escaped so that it may hold any text (a failure message with newlines, a timeline, a tab).
 */
final class Wire {
    private Wire() {
    }

    /** The fields as one line, without the line break. */
    static String line(String... fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String field = fields[i] == null ? "" : fields[i];
            for (int c = 0; c < field.length(); c++) {
                char ch = field.charAt(c);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        return out.toString();
    }

    /** The fields of a line written by {@link #line}. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\\' && i + 1 < line.length()) {
                char escaped = line.charAt(++i);
                field.append(switch (escaped) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> escaped;
                });
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
