package workshop.async;

import java.util.List;
import java.util.StringJoiner;

/** Joins flat JSON objects, as the fan-out endpoint combines its downstream answers. */
public final class JsonObjects {
    private JsonObjects() {
    }

    /** {@code merge(["{\"a\": 1}", "{\"b\": 2}"])} is {@code {"a": 1, "b": 2}}. */
    public static String merge(List<String> objects) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        for (String object : objects) {
            String trimmed = object.strip();
            if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
                throw new IllegalArgumentException("not a JSON object: " + object);
            }
            String fields = trimmed.substring(1, trimmed.length() - 1).strip();
            if (!fields.isEmpty()) {
                out.add(fields);
            }
        }
        return out.toString();
    }
}
