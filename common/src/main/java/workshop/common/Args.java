package workshop.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code --name value} options and {@code --flag} switches from a main method's arguments. */
public final class Args {
    private final String[] args;

    public Args(String[] args) {
        this.args = args;
    }

    public String text(String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--" + name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    public int number(String name, int fallback) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'");
        }
    }

    /** True when {@code --name} is among the arguments. */
    public boolean flag(String name) {
        return List.of(args).contains("--" + name);
    }

    /**
     * The arguments that are neither a known option ({@code --name value}) nor a known switch
     * ({@code --name}): a typo must be reported, not silently ignored.
     */
    public List<String> unknown(Set<String> options, Set<String> switches) {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name != null && options.contains(name) && i + 1 < args.length) {
                i++; // its value
            } else if (name == null || !switches.contains(name)) {
                unknown.add(args[i]);
            }
        }
        return unknown;
    }
}
