package workshop.common;

import java.util.Map;
import java.util.StringJoiner;

/** Writes the small flat JSON objects the kit's endpoints answer with, like {"message": "done"}. */
public final class Json {
    private Json() {
    }

    /** One key, one string value: {@code Json.of("message", "done")}. */
    public static String of(String key, String value) {
        return object(Map.of(key, value));
    }

    /** An error body as the kit's servers send it: {"error": "..."}. */
    public static String error(String message) {
        return of("error", message);
    }

    /** A flat object in the map's own order (pass a {@code LinkedHashMap} to choose it); values become strings, numbers or booleans. */
    public static String object(Map<String, ?> fields) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        fields.forEach((key, value) -> out.add(quote(key) + ": " + value(value)));
        return out.toString();
    }

    private static String value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(String.valueOf(value));
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
