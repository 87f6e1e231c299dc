import java.io.BufferedReader;
import java.io.File;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The kit's self-check, and the kit's test command: {@code java .ci/SelfCheck.java}.
 *
 * <p>It builds every module twice with the Maven wrapper, then reads the Surefire reports:
 * <ol>
 *   <li>with the solutions ({@code -Psolutions}): every test must pass;</li>
 *   <li>with the starter code ({@code -Pstarter-check}): every test tagged {@code exercise} must
 *       fail (a test that passes on the starter cannot tell a learner anything), and every test
 *       tagged {@code demo} must pass.</li>
 * </ol>
 * Every test must carry one of the two tags and a display name that starts with its step ID.
 * A module without {@code src/exercise/java} (the race) is not a learner module: its tests must
 * simply pass. Both builds run javadoc's doclint on the code learners read, and every source file
 * is checked for fully-qualified names where an import belongs. Any violation names the test or
 * the line and makes the command fail. Options: {@code --module NAME} checks only that module,
 * even one not yet in the reactor. Plain JDK, runs on Java 17 or newer.
 */
public class SelfCheck {
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern STEP_ID = Pattern.compile("^\\d+\\.\\d+\\b");
    /** A class named by its package inside code, such as {@code java.util.Arrays.sort}: an import belongs there. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|com\\.sun|org\\.junit|org\\.assertj|org\\.awaitility|workshop)(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");

    record TestResult(String className, String name, String outcome, String message) {
        boolean passed() {
            return outcome.equals("passed");
        }

        String label() {
            return "\"" + name + "\" (" + className.substring(className.lastIndexOf('.') + 1) + ")";
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Paths.get("").toAbsolutePath();
        if (!Files.exists(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve(".ci"))) {
            System.err.println("Run the self-check from the kit's root folder: java .ci/SelfCheck.java");
            System.exit(2);
        }
        List<String> modules = modules(root, args);
        Path logs = Files.createDirectories(root.resolve("target/selfcheck"));
        for (String module : modules) {
            deleteTree(root.resolve(module).resolve("target/solutions/surefire-reports"));
            deleteTree(root.resolve(module).resolve("target/starter"));
        }
        long start = System.nanoTime();
        String projects = String.join(",", modules);

        System.out.println("Kit self-check for " + projects);
        // One reactor build for the whole kit; a module named with --module is built alone, in or out of the reactor.
        List<String> select = chosenModules(args)
                ? List.of("-f", modules.get(0) + "/pom.xml")
                : List.of("-pl", projects);
        if (chosenModules(args) && modules.size() > 1) {
            System.err.println("--module takes one module; leave it out to check them all");
            System.exit(2);
        }
        int solutionsExit = maven(root, logs.resolve("solutions.log"), "[1/2] solutions",
                with(select, "-B", "test", "-Psolutions,doclint", "-Dmaven.test.failure.ignore=true"));
        int starterExit = maven(root, logs.resolve("starter.log"), "[2/2] starter",
                with(select, "-B", "test", "-Pstarter-check,doclint"));

        int passed = 0;
        List<String> violations = new ArrayList<>();
        if (solutionsExit != 0) {
            violations.add("the solutions build failed (exit " + solutionsExit + "); see " + root.relativize(logs.resolve("solutions.log")));
        }
        if (starterExit != 0) {
            violations.add("the starter build failed (exit " + starterExit + "); see " + root.relativize(logs.resolve("starter.log")));
        }
        System.out.println();
        System.out.printf("%-22s %-34s %-30s %s%n", "module", "solutions", "exercise tests on starter", "demo tests on starter");
        for (String module : modules) {
            Path dir = root.resolve(module);
            List<TestResult> solutions = read(dir.resolve("target/solutions/surefire-reports"));
            if (!Files.isDirectory(dir.resolve("src/exercise/java"))) {
                List<String> found = new ArrayList<>();
                check(solutions.isEmpty(), found, module + ": no test ran");
                for (TestResult t : solutions) {
                    check(!t.passed(), found, module + ": " + t.label() + " " + t.outcome() + ": " + t.message());
                }
                passed += count(solutions, true);
                System.out.printf("%-22s %-34s %s%n", module, count(solutions, true) + "/" + solutions.size() + " green",
                        "(not a learner module: no starter code to check)");
                violations.addAll(found);
                continue;
            }
            List<TestResult> exercises = read(dir.resolve("target/starter/reports-exercise"));
            List<TestResult> demos = read(dir.resolve("target/starter/reports-demo"));
            List<String> found = new ArrayList<>();

            check(solutions.isEmpty(), found, module + ": no test ran with the solutions");
            check(exercises.isEmpty(), found, module + ": no exercise test ran on the starter");
            for (TestResult t : solutions) {
                check(!t.passed(), found, module + ": " + t.label() + " " + t.outcome() + " with the solutions: " + t.message());
                check(!STEP_ID.matcher(t.name()).find(), found, module + ": " + t.label() + " has no step ID at the start of its display name");
            }
            for (TestResult t : exercises) {
                check(t.passed(), found, module + ": exercise " + t.label() + " passes on the starter code, so it cannot fail");
            }
            for (TestResult t : demos) {
                check(!t.passed(), found, module + ": demo " + t.label() + " " + t.outcome() + " on the starter code: " + t.message());
            }
            check(exercises.size() + demos.size() != solutions.size(), found, module + ": " + solutions.size()
                    + " tests ran with the solutions but " + (exercises.size() + demos.size())
                    + " were tagged exercise or demo; tag every test with one of the two");

            passed += count(solutions, true) + count(exercises, false) + count(demos, true);
            System.out.printf("%-22s %-34s %-30s %s%n", module,
                    count(solutions, true) + "/" + solutions.size() + " green",
                    count(exercises, false) + "/" + exercises.size() + " red",
                    count(demos, true) + "/" + demos.size() + " green");
            violations.addAll(found);
        }

        violations.addAll(qualifiedNames(root, modules));

        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println();
        if (violations.isEmpty()) {
            System.out.println("Self-check verdict: OK. Every exercise test is red on the starter, every test is green on");
            System.out.println("the solutions, and every demo test is green on both (" + seconds + " s).");
        } else {
            System.out.println("Self-check verdict: FAILED (" + seconds + " s)");
            violations.forEach(v -> System.out.println("  - " + v));
        }
        System.out.println("selfcheck: " + passed + " passed, " + violations.size() + " failed");
        System.exit(violations.isEmpty() ? 0 : 1);
    }

    /** Lines of code (not comments, imports or strings) that name a class by its package instead of importing it. */
    private static List<String> qualifiedNames(Path root, List<String> modules) throws IOException {
        List<Path> folders = new ArrayList<>(List.of(root.resolve("common"), root.resolve("solutions"), root.resolve(".ci"),
                root.resolve(".mvn")));
        modules.forEach(m -> folders.add(root.resolve(m).resolve("src")));
        List<String> found = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            for (Path file : files) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("//.*", "").strip();
                    if (code.startsWith("import ") || code.startsWith("package ") || code.startsWith("*") || code.startsWith("/*")) {
                        continue;
                    }
                    Matcher name = QUALIFIED_NAME.matcher(code);
                    if (name.find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + name.group() + " inline; import it instead");
                    }
                }
            }
        }
        return found;
    }

    private static void check(boolean violated, List<String> found, String violation) {
        if (violated) {
            found.add(violation);
        }
    }

    private static int count(List<TestResult> results, boolean passing) {
        return (int) results.stream().filter(r -> r.passed() == passing).count();
    }

    private static boolean chosenModules(String[] args) {
        return List.of(args).contains("--module");
    }

    private static String[] with(List<String> select, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(select);
        return all.toArray(String[]::new);
    }

    private static List<String> modules(Path root, String[] args) throws IOException {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--module")) {
                chosen.add(args[i + 1].replaceAll("/+$", ""));
            }
        }
        if (!chosen.isEmpty()) {
            return chosen;
        }
        Matcher m = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (m.find()) {
            chosen.add(m.group(1));
        }
        return chosen;
    }

    /** Runs the Maven wrapper, writing its output to a log and echoing the lines worth seeing. */
    private static int maven(Path root, Path log, String title, String... args) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("win");
        List<String> command = new ArrayList<>();
        command.add(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString());
        command.addAll(List.of(args));
        System.out.println(title + ": ./mvnw " + String.join(" ", args) + "   (log: " + root.relativize(log) + ")");
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                file.println(line);
                if (line.matches(".*(SUCCESS|FAILURE|SKIPPED) \\[.*") || line.contains("BUILD ") || line.contains("COMPILATION ERROR")) {
                    System.out.println("    " + line.replaceFirst("^\\[INFO\\] ", ""));
                }
            }
        }
        return process.waitFor();
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

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
