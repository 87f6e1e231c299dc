package workshop.runner;

import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The JVM that runs the tests, started and fed by the runner over its standard input and output
 * (see {@link WorkerProcess}). It answers two requests, each on a fresh {@link RunLoader}:
 * <ul>
 *   <li>{@code discover ROOM}: every test of the module, with its name and tags;</li>
 *   <li>{@code execute ROOM ID...}: run those tests, reporting each one as it starts and ends.</li>
 * </ul>
 * ROOM is the folder of the learner's freshly compiled classes. JUnit stays loaded and warm from one
 * run to the next, which is what makes a run take a fraction of a second. After each run it reports
 * what the run left running ({@link Leftovers}); a test that outlives its time bound is named, with
 * where it was stuck, and the JVM ends itself, since no one can stop a thread that ignores interrupts.
 * If the runner goes away (Ctrl+C, a crash), standard input ends and so does this JVM.
 */
public final class Worker {
    /** Surefire's default includes: the tests Maven runs are the tests the runner runs. */
    static final String SUREFIRE_CLASSES = "^(.*\\.)?(Test[^.$]*|[^.$]*Test|[^.$]*Tests|[^.$]*TestCase)$";
    /** A system property: {@code false} skips the warm-up, for the runner's own tests, which start many short-lived workers. */
    static final String WARM_UP = "workshop.runner.warmUp";

    private final Path classes;
    private final Path testClasses;
    private final Map<String, String> junitConfig;
    private final long leftoverGraceMillis;
    private final PrintStream wire;
    private final Capture capture;
    private final Watchdog watchdog;
    private final Launcher launcher = LauncherFactory.create();

    Worker(Path classes, Path testClasses, Map<String, String> junitConfig, long hangGraceMillis, long leftoverGraceMillis,
            PrintStream wire, Capture capture) {
        this.classes = classes;
        this.testClasses = testClasses;
        this.junitConfig = junitConfig;
        this.leftoverGraceMillis = leftoverGraceMillis;
        this.wire = wire;
        this.capture = capture;
        this.watchdog = new Watchdog(JUnitConfig.defaultTimeoutMillis(junitConfig) + hangGraceMillis, this::stuck);
    }

    /**
     * Arguments: {@code CLASSES TEST-CLASSES HANG-GRACE-MS LEFTOVER-GRACE-MS [KEY=VALUE]...}, the last being
     * JUnit configuration parameters.
     */
    public static void main(String[] args) throws Exception {
        PrintStream wire = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Capture capture = new Capture();
        System.setOut(capture.stream()); // the tests' own output is kept per test; standard output is the wire
        System.setErr(capture.stream());
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            config.put(args[i].substring(0, eq).strip(), args[i].substring(eq + 1).strip());
        }
        Worker worker = new Worker(Path.of(args[0]), Path.of(args[1]), config, Long.parseLong(args[2]), Long.parseLong(args[3]),
                wire, capture);
        BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("worker-input").start(() -> readRequests(requests));
        jdkSockets();
        if (!"false".equals(System.getProperty(WARM_UP))) {
            worker.warmUp();
        }
        wire.println("ready");
        while (true) {
            List<String> request = Wire.fields(requests.take());
            try {
                worker.handle(request);
            } catch (Throwable e) {
                wire.println(Wire.line("error", Failures.summary(e)));
                wire.println(Wire.line("done", "0"));
            }
        }
    }

    /** Reads requests; when the runner is gone, ends this JVM at once, whatever its tests are doing. */
    private static void readRequests(BlockingQueue<String> requests) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                requests.add(line);
            }
        } catch (IOException e) {
            // the runner is gone
        }
        Runtime.getRuntime().halt(0);
    }

    void handle(List<String> request) throws Exception {
        long start = System.nanoTime();
        Path room = request.get(1).isEmpty() ? null : Path.of(request.get(1));
        List<Path> folders = new ArrayList<>();
        if (room != null) {
            folders.add(room);
        }
        folders.add(testClasses);
        folders.add(classes);
        Leftovers.Snapshot before = Leftovers.now();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (RunLoader loader = new RunLoader(folders, Worker.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            if (request.get(0).equals("discover")) {
                discover();
            } else {
                Listener listener = new Listener(wire, capture, watchdog, roomClasses(room), new TestBounds(junitConfig));
                List<String> ids = request.subList(2, request.size());
                launcher.execute(request(ids.stream().map(id -> selectUniqueId(id)).toList()), listener);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        Leftovers.Left left = Leftovers.since(before, leftoverGraceMillis);
        if (left.any()) {
            wire.println(Wire.line("leftovers", String.join(", ", left.threads()), Integer.toString(left.sockets()),
                    Integer.toString(left.daemons())));
        }
        wire.println(Wire.line("done", Long.toString((System.nanoTime() - start) / 1_000_000)));
    }

    private void discover() {
        TestPlan plan = launcher.discover(request(selectClasspathRoots(Set.of(testClasses))));
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier node : plan.getDescendants(root)) {
                if (Listener.isUnit(plan, node)) {
                    wire.println(Listener.testLine(plan, node));
                }
            }
        }
    }

    private LauncherDiscoveryRequest request(List<? extends DiscoverySelector> selectors) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(includeClassNamePatterns(SUREFIRE_CLASSES), excludeClassNamePatterns("workshop\\.runner\\..*"))
                .configurationParameters(junitConfig)
                .build();
    }

    /** The top-level classes compiled from the room, to find the learner's lines in a stack trace. */
    private static Set<String> roomClasses(Path room) throws IOException {
        Set<String> names = new HashSet<>();
        if (room == null || !Files.isDirectory(room)) {
            return names;
        }
        try (Stream<Path> walk = Files.walk(room)) {
            walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).forEach(p -> {
                String relative = room.relativize(p).toString().replace('\\', '/');
                names.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
            });
        }
        return names;
    }

    /**
     * Opens and closes a socket, both ways the JDK makes one, before any run: the JDK then creates the socket it
     * keeps for the life of the JVM (to close others safely), so that the first run does not count it as left open.
     */
    private static void jdkSockets() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocketChannel channel = ServerSocketChannel.open()) {
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }
    }

    /** Runs one small test the way a real run does, so the first real run finds JUnit and the HTTP classes warm. */
    private void warmUp() {
        LauncherDiscoveryRequest warm = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(WarmUp.class)).configurationParameters(junitConfig).build();
        launcher.execute(warm, new Listener(new PrintStream(PrintStream.nullOutputStream()), capture, new Watchdog(0, null),
                Set.of(), new TestBounds(junitConfig)));
        capture.take();
    }

    /** Called by the watchdog: a test outlived its bound. Says which and where, then ends this JVM. */
    private void stuck(String id, Thread thread) {
        String where = thread == null ? "" : Failures.firstFrame(thread.getStackTrace(), kitClasses(thread));
        wire.println(Wire.line("stuck", id, where));
        wire.flush();
        Runtime.getRuntime().halt(3);
    }

    /** The classes of a run on a thread's stack (learner, given, tests), to say where a stuck test waits. */
    private static Set<String> kitClasses(Thread thread) {
        Set<String> names = new HashSet<>();
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (RunLoader.NAME.equals(frame.getClassLoaderName())) {
                names.add(frame.getClassName().replaceFirst("\\$.*", ""));
            }
        }
        return names;
    }
}
