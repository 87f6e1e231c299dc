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
 * Any violation names the test and makes the command fail. Options: {@code --module NAME}
 * checks only that module, even one not yet in the reactor. Plain JDK, runs on Java 17 or newer.
 */
public class SelfCheck {
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern STEP_ID = Pattern.compile("^\\d+\\.\\d+\\b");

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
                with(select, "-B", "test", "-Psolutions", "-Dmaven.test.failure.ignore=true"));
        int starterExit = maven(root, logs.resolve("starter.log"), "[2/2] starter",
                with(select, "-B", "test", "-Pstarter-check"));

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
