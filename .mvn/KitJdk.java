import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDK the kit runs on, from the JDK that runs Maven, which may be older. It looks where
 * maven-toolchains-plugin looks, and it has two jobs:
 * <ul>
 *   <li>{@code check MIN DISCOVER}: before Maven picks a toolchain, and only when Maven's own JDK
 *       is older than MIN, stop the build with instructions a learner can follow when no JDK is
 *       new enough (instead of the plugin's advice to hand-write ~/.m2/toolchains.xml);</li>
 *   <li>{@code run MIN CLASSES COMMAND -- JAVA-ARGUMENTS}: run a program of the kit ({@code exec:exec@run},
 *       {@code exec:exec@race}) on a JDK MIN or newer, even when the command has no lifecycle
 *       phase and so no toolchain was picked; say so in one sentence when CLASSES was never
 *       compiled.</li>
 * </ul>
 * Written for Java 11 so that it runs on whatever old JDK Maven happens to use.
 */
public class KitJdk {
    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"?(1\\.)?(\\d+)");
    private static final Pattern TOOLCHAIN_VERSION = Pattern.compile("<version>\\s*(1\\.)?(\\d+)");

    private static final int UNKNOWN = Integer.MAX_VALUE;

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length >= 3 && args[0].equals("check")) {
            check(Integer.parseInt(args[1]), !"false".equalsIgnoreCase(args[2].trim()));
        } else if (args.length >= 5 && args[0].equals("run") && args[4].equals("--")) {
            run(Integer.parseInt(args[1]), Paths.get(args[2]), args[3], Arrays.asList(args).subList(5, args.length));
        } else {
            System.err.println("usage: java .mvn/KitJdk.java check MIN DISCOVER | run MIN CLASSES COMMAND -- JAVA-ARGUMENTS");
            System.exit(2);
        }
    }

    private static void check(int minimum, boolean discover) throws IOException {
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

    /**
     * Runs {@code java ARGUMENTS} on the JDK that runs Maven when it is new enough, else on the newest
     * one found; {@code mavenCommand} builds and runs it ({@code compile exec:exec@race}), for the message.
     */
    private static void run(int minimum, Path classes, String mavenCommand, List<String> javaArguments)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(classes)) {
            // Said in one sentence and ended with status 0: a failing status would bury it under exec-maven-plugin's stack trace.
            System.out.println("Nothing is compiled yet in " + classes + ", so nothing ran: build it in the same command,"
                    + " as in ./mvnw -q " + mavenCommand);
            System.exit(0);
        }
        Path home = Paths.get(System.getProperty("java.home"));
        if (Runtime.version().feature() < minimum) {
            home = newestHome(minimum);
            if (home == null) {
                System.err.println(message(minimum, true));
                System.exit(1);
            }
        }
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("java").toString());
        command.addAll(javaArguments);
        Process program = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(program::destroy)); // Ctrl+C stops the program too
        System.exit(program.waitFor());
    }

    /** The newest JDK of at least {@code minimum} in the places the toolchains plugin searches, or null. */
    private static Path newestHome(int minimum) throws IOException {
        Path best = null;
        int bestVersion = 0;
        for (Path home : candidateHomes()) {
            int version = featureVersion(home);
            if (version != UNKNOWN && version >= minimum && version > bestVersion) {
                best = home;
                bestVersion = version;
            }
        }
        return best;
    }

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
