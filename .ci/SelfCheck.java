import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The kit's self-check, and the kit's test command: {@code java .ci/SelfCheck.java}.
 *
 * <p>It builds the kit twice with the Maven wrapper, then reads what the builds wrote:
 * <ol>
 *   <li>with the solutions ({@code -Psolutions}): every test must pass; then every known mistake of a learner
 *       module ({@code solutions/<module>/wrong/<mistake>/}, see solutions/README.md) must turn its step's
 *       exercise tests red, within each failing test's bound plus a second, with the words its {@code expect}
 *       file names (profile {@code mistakes}: the runner checks them in a warm JVM, see runner/README.md);</li>
 *   <li>with the starter code ({@code -Pstarter-check}, learner modules only): every test tagged {@code exercise}
 *       must fail (a test that passes on the starter cannot tell a learner anything), and every test tagged
 *       {@code demo} must pass.</li>
 * </ol>
 * Every test must carry one of the two tags and a display name that starts with its step ID. A module
 * without {@code src/exercise/java} (the race, the runner) is not a learner module: its tests must simply
 * pass. Both builds run javadoc's doclint on the code learners read, and every source file is checked for
 * fully-qualified names where an import belongs.
 *
 * <p>Each check is one expectation: one test in one build, one known mistake, one source file linted, or
 * one module's build (a build that fails stands for the checks it could not run, and says why). Any
 * failed check is named and makes the command fail.
 *
 * <p>Options: {@code --module NAME} checks only that module, even one not yet in the reactor;
 * {@code --mistakes-only} checks only the known mistakes (one Maven build, no tests of their own);
 * {@code --mistake NAME} only that known mistake of the {@code --module}. Plain JDK, runs on Java 17 or newer.
 */
public class SelfCheck {
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern STEP_ID = Pattern.compile("^\\d+\\.\\d+\\b");
    /** A class named by its package inside code, such as {@code java.util.Arrays.sort}: an import belongs there. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|com\\.sun|org\\.junit|org\\.assertj|org\\.awaitility|workshop)(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");
    /** Maven's header of a plugin execution, which names the project it runs on. */
    private static final Pattern MOJO_HEADER = Pattern.compile("^\\[INFO\\] --- .* @ (\\S+) ---$");
    /** A compiler message with its place: {@code [ERROR] /path/File.java:[12,5] cannot find symbol}. */
    private static final Pattern COMPILER_MESSAGE = Pattern.compile("^\\[(ERROR|WARNING)\\] (\\S+\\.java):\\[(\\d+),(\\d+)\\] (.*)$");
    private static final Pattern FAILED_GOAL = Pattern.compile("^\\[ERROR\\] Failed to execute goal (\\S+) .*? on project (\\S+?): (.*)$");
    private static final Pattern TOOLCHAIN = Pattern.compile("Toolchain in maven-compiler-plugin: JDK\\[(.+)\\]");

    record TestResult(String className, String name, String outcome, String message) {
        boolean passed() {
            return outcome.equals("passed");
        }

        String key() {
            return className + "\u0000" + name;
        }

        /** The test as a learner finds it: its display name, and its class (a display name too, when it has one). */
        String label() {
            String owner = className.contains(" ") ? className : className.substring(className.lastIndexOf('.') + 1);
            return "\"" + name + "\" (" + owner + ")";
        }
    }

    /** One known mistake's verdict, as the runner's mistakes command reported it. */
    record Mistake(String name, String step, String kind, String detail, long slowestMillis, String what) {
        boolean red() {
            return kind.equals("red");
        }
    }

    /**
     * What one Maven build did to one module.
     *
     * @param failure why the build of this module failed, with the first compile error, or null when it built
     */
    record Build(String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** The checks as they are counted: each one passes or fails, and each failure is named. */
    static final class Checks {
        int passed;
        final List<String> failed = new ArrayList<>();

        void check(boolean ok, String violation) {
            if (ok) {
                passed++;
            } else {
                failed.add(violation);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Paths.get("").toAbsolutePath();
        if (!Files.exists(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve(".ci"))) {
            System.err.println("Run the self-check from the kit's root folder: java .ci/SelfCheck.java");
            System.exit(2);
        }
        List<String> argList = List.of(args);
        String oneMistake = value(args, "--mistake");
        boolean mistakesOnly = argList.contains("--mistakes-only") || oneMistake != null;
        List<String> modules = modules(root, args);
        if (chosenModules(args) && modules.size() > 1) {
            System.err.println("--module takes one module; leave it out to check them all");
            System.exit(2);
        }
        if (oneMistake != null && !chosenModules(args)) {
            System.err.println("--mistake NAME needs --module: java .ci/SelfCheck.java --module module-04-pitfalls --mistake " + oneMistake);
            System.exit(2);
        }
        List<String> learners = modules.stream().filter(m -> Files.isDirectory(root.resolve(m).resolve("src/exercise/java"))).toList();
        Path logs = Files.createDirectories(root.resolve("target/selfcheck"));
        for (String module : modules) {
            Path dir = root.resolve(module);
            deleteTree(dir.resolve("target/solutions/surefire-reports"));
            deleteTree(dir.resolve("target/solutions/mistakes/report.tsv"));
            // Only the reports: the starter's classes stay, so that an unchanged module is not compiled again.
            deleteTree(dir.resolve("target/starter/reports-exercise"));
            deleteTree(dir.resolve("target/starter/reports-demo"));
        }
        long start = System.nanoTime();
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (String module : modules) {
            artifacts.put(module, artifactId(root.resolve(module)));
        }

        System.out.println("Kit self-check for " + String.join(",", modules) + (mistakesOnly ? ", known mistakes only" : ""));
        // Maven on a JDK 21+ when one is known (the one a self-check's build picked before): no JDK check to pay per module,
        // no toolchain, so javac runs inside Maven instead of a JVM of its own per compile.
        Path kitJdk = logs.resolve("kit-jdk.txt");
        String javaHome = kitJdk(kitJdk);
        Map<String, Build> solutionsBuild;
        Map<String, Build> starterBuild = Map.of();
        if (mistakesOnly && learners.isEmpty()) {
            System.err.println("No learner module (one with src/exercise/java) to check known mistakes in: " + String.join(",", modules));
            System.exit(2);
        }
        if (mistakesOnly) {
            List<String> goals = new ArrayList<>(List.of("-B", "-fae", "test-compile", "exec:exec@mistakes", "-Psolutions"));
            if (oneMistake != null) {
                goals.add("-Dkit.args=--variant " + oneMistake);
            }
            solutionsBuild = maven(root, logs.resolve("mistakes.log"), "[1/1] known mistakes", javaHome, kitJdk, artifacts,
                    with(select(root, modules, learners, args), goals));
        } else {
            // Two modules at a time (-T 2): their tests mostly wait (sleeps, stall checks of known mistakes), and every
            // module passes its soak with a core kept busy, so the kit's test command stays near two and a half minutes.
            solutionsBuild = maven(root, logs.resolve("solutions.log"), "[1/2] solutions and known mistakes", javaHome, kitJdk, artifacts,
                    with(select(root, modules, modules, args), List.of("-B", "-fae", "-T", "2", "test", "-Psolutions,doclint,mistakes",
                            "-Dmaven.test.failure.ignore=true")));
            if (!learners.isEmpty()) {
                starterBuild = maven(root, logs.resolve("starter.log"), "[2/2] starter", kitJdk(kitJdk), kitJdk, artifacts,
                        with(select(root, modules, learners, args), List.of("-B", "-fae", "-T", "2", "test", "-Pstarter-check,doclint")));
            }
        }

        Checks checks = new Checks();
        System.out.println();
        if (mistakesOnly) {
            System.out.printf("%-22s %s%n", "module", "known mistakes red");
        } else {
            System.out.printf("%-22s %-16s %-22s %-18s %s%n", "module", "solutions", "exercise on starter", "demo on starter",
                    "known mistakes red");
        }
        for (String module : mistakesOnly ? learners : modules) {
            Path dir = root.resolve(module);
            boolean learner = learners.contains(module);
            Build solutions = solutionsBuild.getOrDefault(module, new Build(null));
            checks.check(solutions.ok(), module + ": the " + (mistakesOnly ? "" : "solutions ") + "build failed, so "
                    + (mistakesOnly ? "its known mistakes" : "its tests") + " could not run. " + solutions.failure());
            List<String> verdicts = new ArrayList<>();
            String mistakes = learner ? mistakes(root, module, solutions, checks, verdicts) : "";
            if (oneMistake != null && solutions.ok() && verdicts.isEmpty()) {
                checks.check(false, module + ": no known mistake named " + oneMistake + " in solutions/" + module + "/wrong/");
            }
            if (mistakesOnly) {
                System.out.printf("%-22s %s%n", module, mistakes);
                verdicts.forEach(System.out::println);
                continue;
            }
            List<TestResult> finished = read(dir.resolve("target/solutions/surefire-reports"));
            if (solutions.ok()) {
                checks.check(!finished.isEmpty(), module + ": no test ran with the solutions");
                for (TestResult t : finished) {
                    // A learner reads each test by its display name, which starts with the step ID; the tools' tests need none.
                    checks.check(t.passed() && (!learner || STEP_ID.matcher(t.name()).find()), module + ": " + t.label()
                            + (t.passed() ? " has no step ID at the start of its display name"
                            : " " + t.outcome() + " with the solutions: " + t.message()));
                }
            }
            String solutionsColumn = solutions.ok() ? count(finished, true) + "/" + finished.size() + " green" : "build failed";
            if (!learner) {
                System.out.printf("%-22s %-16s %s%n", module, solutionsColumn, "(not a learner module: no starter code, no known mistakes)");
                continue;
            }
            Build starter = starterBuild.getOrDefault(module, new Build(null));
            checks.check(starter.ok(), module + ": the starter build failed, so its tests could not run. " + starter.failure());
            List<TestResult> exercises = read(dir.resolve("target/starter/reports-exercise"));
            List<TestResult> demos = read(dir.resolve("target/starter/reports-demo"));
            if (starter.ok()) {
                checks.check(!exercises.isEmpty(), module + ": no exercise test ran on the starter");
                for (TestResult t : exercises) {
                    checks.check(!t.passed(), module + ": exercise " + t.label() + " passes on the starter code, so it cannot fail");
                }
                for (TestResult t : demos) {
                    checks.check(t.passed(), module + ": demo " + t.label() + " " + t.outcome() + " on the starter code: " + t.message());
                }
            }
            if (solutions.ok() && starter.ok()) {
                Set<String> tagged = new LinkedHashSet<>();
                exercises.forEach(t -> tagged.add(t.key()));
                demos.forEach(t -> tagged.add(t.key()));
                for (TestResult t : finished) {
                    if (!tagged.contains(t.key())) {
                        checks.check(false, module + ": " + t.label() + " is tagged neither exercise nor demo, so the starter"
                                + " build never ran it: tag it with one of the two");
                    }
                }
            }
            System.out.printf("%-22s %-16s %-22s %-18s %s%n", module, solutionsColumn,
                    starter.ok() ? count(exercises, false) + "/" + exercises.size() + " red" : "build failed",
                    starter.ok() ? count(demos, true) + "/" + demos.size() + " green" : "build failed", mistakes);
        }

        if (!mistakesOnly) {
            qualifiedNames(root, modules, checks);
        }

        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println();
        if (checks.failed.isEmpty()) {
            System.out.println(mistakesOnly
                    ? "Self-check verdict: OK. Every known mistake turns its step red, in time, with its words (" + seconds + " s)."
                    : "Self-check verdict: OK. Every exercise test is red on the starter, every test is green on the solutions,\n"
                    + "every demo test is green on both, and every known mistake turns its step red (" + seconds + " s).");
        } else {
            System.out.println("Self-check verdict: FAILED (" + seconds + " s)");
            checks.failed.forEach(v -> System.out.println("  - " + v));
        }
        System.out.println("selfcheck: " + checks.passed + (checks.passed == 1 ? " check" : " checks") + " passed, "
                + checks.failed.size() + " failed"
                + " (a check: one test in one build, one known mistake, one file linted, or one module's build)");
        System.exit(checks.failed.isEmpty() ? 0 : 1);
    }

    /** Checks the known mistakes' report of a learner module; returns its column of the table, adds a line per mistake. */
    private static String mistakes(Path root, String module, Build solutions, Checks checks, List<String> verdicts)
            throws IOException {
        Path wrong = root.resolve("solutions").resolve(module).resolve("wrong");
        Path report = root.resolve(module).resolve("target/solutions/mistakes/report.tsv");
        if (!Files.exists(report)) {
            boolean expected = Files.isDirectory(wrong) && solutions.ok();
            checks.check(!expected, module + ": its known mistakes were not checked (no " + root.relativize(report)
                    + "; see the build's log)");
            return Files.isDirectory(wrong) ? "not checked" : "0/0";
        }
        List<Mistake> found = new ArrayList<>();
        for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
            List<String> f = fields(line);
            if (f.get(0).equals("mistake") && f.size() >= 7) {
                found.add(new Mistake(f.get(1), f.get(2), f.get(3), f.get(4), Long.parseLong(f.get(5)), f.get(6)));
            } else if (f.get(0).equals("error")) {
                checks.check(false, module + ": its known mistakes could not be checked: " + f.get(1));
            }
        }
        for (Mistake m : found) {
            verdicts.add("    " + (m.red() ? "red  " : m.kind() + " ") + m.name() + ": " + m.detail());
            String name = "known mistake " + m.name() + (m.what().isEmpty() ? "" : " (" + m.what() + ")");
            checks.check(m.red(), module + ": " + name + switch (m.kind()) {
                case "green" -> ": " + m.detail() + "; a test must catch it";
                case "words" -> ": " + m.detail();
                case "slow" -> " took too long: " + m.detail();
                default -> " could not be checked: " + m.detail();
            });
        }
        return found.stream().filter(Mistake::red).count() + "/" + found.size();
    }

    /** Every source file is one check: no line of code names a class by its package instead of importing it. */
    private static void qualifiedNames(Path root, List<String> modules, Checks checks) throws IOException {
        List<Path> folders = new ArrayList<>(List.of(root.resolve("common"), root.resolve("solutions"), root.resolve(".ci"),
                root.resolve(".mvn")));
        modules.forEach(m -> folders.add(root.resolve(m).resolve("src")));
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            for (Path file : files) {
                List<String> found = new ArrayList<>();
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("//.*", "").strip();
                    if (code.startsWith("import ") || code.startsWith("package ") || code.startsWith("*") || code.startsWith("/*")) {
                        continue;
                    }
                    Matcher name = QUALIFIED_NAME.matcher(code);
                    if (name.find()) {
                        found.add("line " + (i + 1) + ": " + name.group());
                    }
                }
                checks.check(found.isEmpty(), root.relativize(file) + ": " + String.join(", ", found) + " inline; import it instead");
            }
        }
    }

    private static int count(List<TestResult> results, boolean passing) {
        return (int) results.stream().filter(r -> r.passed() == passing).count();
    }

    private static boolean chosenModules(String[] args) {
        return List.of(args).contains("--module");
    }

    private static String value(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** Maven's project selection: one module named with --module is built alone, in or out of the reactor. */
    private static List<String> select(Path root, List<String> modules, List<String> projects, String[] args) {
        if (chosenModules(args)) {
            return List.of("-f", modules.get(0) + "/pom.xml");
        }
        return List.of("-pl", String.join(",", projects));
    }

    private static String[] with(List<String> select, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(select);
        return all.toArray(String[]::new);
    }

    private static List<String> modules(Path root, String[] args) throws IOException {
        List<String> chosen = new ArrayList<>();
        String one = value(args, "--module");
        if (one != null) {
            chosen.add(one.replaceAll("/+$", ""));
            return chosen;
        }
        Matcher m = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (m.find()) {
            chosen.add(m.group(1));
        }
        return chosen;
    }

    /** A module's artifactId, which Maven's log uses to name it. */
    private static String artifactId(Path module) throws IOException {
        Path pom = module.resolve("pom.xml");
        if (!Files.exists(pom)) {
            return module.getFileName().toString();
        }
        String text = Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher m = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>").matcher(text);
        return m.find() ? m.group(1) : module.getFileName().toString();
    }

    /**
     * A JDK 21+ for Maven to run on: this one, or the one the toolchains plugin picked in an earlier build of the
     * self-check (kept in {@code known}) if it is still there. Null when none is known: Maven then runs on the JDK it
     * finds, and picks a JDK 21+ for the kit itself, which costs .mvn/KitJdk.java's check (about 2 s) per module and a
     * javac JVM per compile.
     */
    private static String kitJdk(Path known) {
        if (Runtime.version().feature() >= 21) {
            return System.getProperty("java.home");
        }
        try {
            String home = Files.exists(known) ? Files.readString(known).strip() : "";
            if (home.isEmpty() || !Files.isExecutable(Paths.get(home, "bin", "java"))) {
                return null;
            }
            Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(Paths.get(home, "release")));
            return version.find() && Integer.parseInt(version.group(1)) >= 21 ? home : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs the Maven wrapper, writing its output to a log and echoing the lines worth seeing; returns what the build
     * did to each module: built, or failed with the first compile error (or Maven's reason).
     */
    private static Map<String, Build> maven(Path root, Path log, String title, String javaHome, Path kitJdk,
                                            Map<String, String> artifacts, String... args) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("win");
        List<String> command = new ArrayList<>();
        command.add(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString());
        command.addAll(List.of(args));
        System.out.println(title + ": ./mvnw " + String.join(" ", args) + "   (log: " + root.relativize(log) + ")");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        Map<String, String> firstMessage = new LinkedHashMap<>();
        Map<String, String> failedGoal = new LinkedHashMap<>();
        String project = null;
        String symbolFor = null;
        String firstError = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                file.println(line);
                if (line.matches(".*(SUCCESS|FAILURE|SKIPPED) \\[.*") || line.contains("BUILD ") || line.contains("COMPILATION ERROR")
                        || line.contains("known mistakes red: ")) {
                    System.out.println("    " + line.replaceFirst("^\\[INFO\\] ", ""));
                }
                Matcher toolchain = TOOLCHAIN.matcher(line);
                if (toolchain.find() && !toolchain.group(1).equals(javaHome)) {
                    Files.writeString(kitJdk, toolchain.group(1) + "\n");
                    javaHome = toolchain.group(1);
                }
                Matcher header = MOJO_HEADER.matcher(line);
                if (header.matches()) {
                    project = header.group(1);
                }
                if (symbolFor != null && line.strip().startsWith("symbol:")) {
                    firstMessage.put(symbolFor, firstMessage.get(symbolFor) + " (" + line.strip().replaceAll("\\s+", " ") + ")");
                }
                symbolFor = null;
                Matcher message = COMPILER_MESSAGE.matcher(line);
                if (message.matches() && project != null) {
                    String place = relative(root, message.group(2)) + ":" + message.group(3);
                    // An error beats a warning (doclint's warnings fail the build through -Werror).
                    String seen = firstMessage.get(project);
                    if (seen == null || (seen.startsWith("warning") && message.group(1).equals("ERROR"))) {
                        firstMessage.put(project, (message.group(1).equals("ERROR") ? "" : "warning (an error with -Werror): ")
                                + place + ": " + message.group(5));
                        symbolFor = project;
                    }
                }
                Matcher failed = FAILED_GOAL.matcher(line);
                if (failed.matches()) {
                    failedGoal.putIfAbsent(failed.group(2), failed.group(1).replaceFirst("^.*?:([^:]+):[^:]+:", "$1:") + ": "
                            + failed.group(3));
                }
                if (firstError == null && line.startsWith("[ERROR] ") && line.length() > 8) {
                    firstError = line.substring(8);
                }
            }
        }
        int exit = process.waitFor();
        Map<String, Build> builds = new LinkedHashMap<>();
        artifacts.forEach((module, artifact) -> {
            String goal = failedGoal.get(artifact);
            if (goal == null) {
                builds.put(module, new Build(null));
            } else {
                String compiler = firstMessage.get(artifact);
                builds.put(module, new Build(goal.replaceFirst(" -> \\[Help 1\\]$", "")
                        + (compiler == null ? "" : ". First error: " + compiler) + " (log: " + root.relativize(log) + ")"));
            }
        });
        if (exit != 0 && failedGoal.isEmpty()) {
            // Maven stopped before any module (a broken pom, no network for a missing plugin): every module failed with it.
            String why = "Maven ended with status " + exit + (firstError == null ? "" : ": " + firstError) + " (log: "
                    + root.relativize(log) + ")";
            artifacts.keySet().forEach(module -> builds.put(module, new Build(why)));
        }
        return builds;
    }

    private static String relative(Path root, String file) {
        Path path = Paths.get(file);
        return path.startsWith(root) ? root.relativize(path).toString() : file;
    }

    private static List<TestResult> read(Path reports) throws Exception {
        List<TestResult> results = new ArrayList<>();
        if (!Files.isDirectory(reports)) {
            return results;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml")).sorted().toList();
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        for (Path file : files) {
            NodeList cases = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                String outcome = "passed";
                String message = "";
                for (String kind : new String[] {"failure", "error", "skipped"}) {
                    NodeList found = testcase.getElementsByTagName(kind);
                    if (found.getLength() > 0) {
                        outcome = kind.equals("skipped") ? "was skipped" : kind.equals("failure") ? "fails" : "errors";
                        message = ((Element) found.item(0)).getAttribute("message");
                        break;
                    }
                }
                results.add(new TestResult(testcase.getAttribute("classname"), testcase.getAttribute("name"), outcome,
                        firstLine(message)));
            }
        }
        return results;
    }

    /** The fields of one line of the runner's report: tab-separated, with \t, \n, \r and \\ escaped. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\\' && i + 1 < line.length()) {
                char escaped = line.charAt(++i);
                field.append(escaped == 't' ? '\t' : escaped == 'n' ? '\n' : escaped == 'r' ? '\r' : escaped);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
