package workshop.runner;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JUnit configuration Maven uses, read from where Maven reads it: the {@code configurationParameters}
 * of Surefire in the kit's root pom (a default time bound per test, among others). One place, so the
 * runner's runs and Maven's cannot drift apart.
 */
final class JUnitConfig {
    private static final Pattern PARAMETERS = Pattern.compile("<configurationParameters>(.*?)</configurationParameters>", Pattern.DOTALL);
    private static final Pattern DURATION = Pattern.compile("^\\s*(\\d+)\\s*(ns|μs|ms|s|m|h|d)?\\s*$", Pattern.CASE_INSENSITIVE);
    /** JUnit's key for the default time bound of every test. */
    static final String DEFAULT_TIMEOUT = "junit.jupiter.execution.timeout.default";
    /** Used when the pom sets no bound, so that the watchdog still has one. */
    static final long FALLBACK_TIMEOUT_MILLIS = 60_000;

    private JUnitConfig() {
    }

    /** The parameters in the root pom, in order; empty when it sets none. */
    static Map<String, String> fromPom(Path rootPom) throws IOException {
        return parse(Files.readString(rootPom, StandardCharsets.UTF_8));
    }

    static Map<String, String> parse(String pom) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        Matcher block = PARAMETERS.matcher(pom);
        if (block.find()) {
            Properties properties = new Properties();
            properties.load(new StringReader(block.group(1)));
            for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
                config.put(key, properties.getProperty(key).strip());
            }
        }
        return config;
    }

    /** The default time bound of a test in milliseconds, in JUnit's format ({@code 60 s}, {@code 500 ms}). */
    static long defaultTimeoutMillis(Map<String, String> config) {
        long millis = durationMillis(config.get(DEFAULT_TIMEOUT));
        return millis < 0 ? FALLBACK_TIMEOUT_MILLIS : millis;
    }

    /** A duration in JUnit's format ({@code 60 s}, {@code 500 ms}, a bare number as seconds), or -1 when it is not one. */
    static long durationMillis(String value) {
        Matcher m = value == null ? null : DURATION.matcher(value);
        if (m == null || !m.matches()) {
            return -1;
        }
        long amount = Long.parseLong(m.group(1));
        TimeUnit unit = switch (m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT)) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "μs" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "m" -> TimeUnit.MINUTES;
            case "h" -> TimeUnit.HOURS;
            case "d" -> TimeUnit.DAYS;
            default -> TimeUnit.SECONDS;
        };
        return Math.max(1, unit.toMillis(amount));
    }
}
