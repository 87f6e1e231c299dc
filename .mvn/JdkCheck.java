import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs before Maven picks a JDK toolchain, on the JDK that runs Maven, and only when that JDK is
 * older than the kit needs. It looks where maven-toolchains-plugin looks; when no JDK is new
 * enough it stops the build with instructions a learner can follow, instead of the plugin's
 * advice to hand-write ~/.m2/toolchains.xml.
 *
 * <p>Usage: {@code java .mvn/JdkCheck.java <minimum feature version> <discover: true|false>}.
 * Written for Java 11 so that it runs on whatever old JDK Maven happens to use.
 */
public class JdkCheck {
    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"?(1\\.)?(\\d+)");
    private static final Pattern TOOLCHAIN_VERSION = Pattern.compile("<version>\\s*(1\\.)?(\\d+)");

    public static void main(String[] args) throws IOException {
        int minimum = Integer.parseInt(args[0]);
        boolean discover = args.length < 2 || !"false".equalsIgnoreCase(args[1].trim());

        if (discover) {
            for (Path home : candidateHomes()) {
                int version = featureVersion(home);
                if (version >= minimum || version == UNKNOWN) {
                    return; // found one (or cannot tell): let the toolchains plugin choose
                }
            }
        }
        if (declaredInToolchainsXml(minimum)) {
            return;
        }
        System.err.println(message(minimum, discover));
        System.exit(1);
    }

    private static final int UNKNOWN = Integer.MAX_VALUE;

    /** The folders maven-toolchains-plugin 3.2.0 searches, each a possible JDK home. */
    private static List<Path> candidateHomes() throws IOException {
        List<Path> homes = new ArrayList<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("JAVA") && name.endsWith("_HOME") && !value.isBlank()) {
                homes.add(Paths.get(value));
            }
        });
        String userHome = System.getProperty("user.home");
        List<Path> parents = new ArrayList<>();
        for (String dir : new String[] {".jdks", ".m2/jdks", ".sdkman/candidates/java", ".gradle/jdks",
                ".jenv/versions", ".jbang/cache/jdks", ".asdf/installs", ".jabba/jdk"}) {
            parents.add(Paths.get(userHome, dir));
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            parents.add(Paths.get("/Library/Java/JavaVirtualMachines"));
            parents.add(Paths.get(userHome, "Library/Java/JavaVirtualMachines"));
        } else if (os.startsWith("win")) {
            parents.add(Paths.get("C:\\Program Files\\Java"));
            Path scoop = Paths.get(userHome, "scoop", "apps");
            if (Files.isDirectory(scoop)) {
                try (Stream<Path> apps = Files.list(scoop)) {
                    apps.forEach(app -> homes.add(app.resolve("current")));
                }
            }
        } else {
            for (String dir : new String[] {"/usr/jdk", "/usr/java", "/opt/java", "/usr/lib/jvm"}) {
                parents.add(Paths.get(dir));
            }
        }
        for (Path parent : parents) {
            if (Files.isDirectory(parent)) {
                try (Stream<Path> children = Files.list(parent)) {
                    children.forEach(child -> {
                        homes.add(child);
                        homes.add(child.resolve("Contents/Home"));
                    });
                }
            }
        }
        homes.removeIf(home -> !Files.exists(home.resolve("bin/javac")) && !Files.exists(home.resolve("bin/javac.exe")));
        return homes;
    }

    /** Reads the feature version (21, 25, ...) from the JDK's {@code release} file. */
    private static int featureVersion(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.map(RELEASE_VERSION::matcher)
                    .filter(Matcher::find)
                    .map(m -> Integer.parseInt(m.group(2)))
                    .findFirst()
                    .orElse(UNKNOWN);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    private static boolean declaredInToolchainsXml(int minimum) {
        Path file = Paths.get(System.getProperty("user.home"), ".m2", "toolchains.xml");
        try {
            Matcher m = TOOLCHAIN_VERSION.matcher(Files.readString(file));
            while (m.find()) {
                if (Integer.parseInt(m.group(2)) >= minimum) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no toolchains.xml, or one we cannot read: nothing declared
        }
        return false;
    }

    private static String message(int minimum, boolean discover) {
        String running = System.getProperty("java.version");
        return String.join(System.lineSeparator(),
                "",
                "==================================================================",
                " This workshop needs a JDK " + minimum + " or newer.",
                "",
                " Maven runs on Java " + running + " here, and " + (discover
                        ? "no JDK " + minimum + "+ was found in the usual places."
                        : "JDK discovery is switched off (-Dtoolchain.jdk.discover=false)."),
                "",
                " Fix it in one of these ways, then run the same command again:",
                "   1. Install a JDK " + minimum + "+ (for example from https://adoptium.net).",
                "   2. Point JAVA_HOME at it:     export JAVA_HOME=/path/to/jdk-" + minimum,
                "      (Windows: set JAVA_HOME=C:\\path\\to\\jdk-" + minimum + ")",
                "   3. Or keep your JAVA_HOME and set JAVA" + minimum + "_HOME=/path/to/jdk-" + minimum,
                "      instead; the build finds it and uses it for this kit only.",
                "==================================================================",
                "");
    }
}
