package workshop.runner;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Reports a run on the wire as it happens: {@code test} for every test of the plan (a parameterized
 * test's runs as they appear), {@code start} and {@code end} for each ({@code end} with the test's own
 * time bound, see {@link TestBounds}). A class or a parameterized test
 * that fails before its tests could run (a failing {@code @BeforeAll}, a broken argument source) is
 * reported as a failed test of its own, so no failure goes unseen.
 */
final class Listener implements TestExecutionListener {
    private final PrintStream wire;
    private final Capture capture;
    private final Watchdog watchdog;
    private final Set<String> roomClasses;
    private final TestBounds bounds;
    private final Set<String> ended = new HashSet<>();
    private TestPlan plan;

    Listener(PrintStream wire, Capture capture, Watchdog watchdog, Set<String> roomClasses, TestBounds bounds) {
        this.wire = wire;
        this.capture = capture;
        this.watchdog = watchdog;
        this.roomClasses = roomClasses;
        this.bounds = bounds;
    }

    /** A unit the runner counts by name before running it: a test, or a test method that runs several times. */
    static boolean isUnit(TestPlan plan, TestIdentifier node) {
        return node.isTest() || (node.isContainer() && node.getSource().orElse(null) instanceof MethodSource
                && !(plan.getParent(node).flatMap(TestIdentifier::getSource).orElse(null) instanceof MethodSource));
    }

    /** The {@code test} line of a node: its ID, the name a learner reads, and its tags. */
    static String testLine(TestPlan plan, TestIdentifier node) {
        String tags = node.getTags().stream().map(tag -> tag.getName()).sorted().collect(Collectors.joining(","));
        return Wire.line("test", node.getUniqueId(), name(plan, node), tags);
    }

    /** A test's display name; a run of a parameterized test also names its method, as in {@code 1.5 fixedPool(n) ... [fixedPool(3)]}. */
    static String name(TestPlan plan, TestIdentifier node) {
        Optional<TestIdentifier> parent = plan.getParent(node);
        if (parent.isPresent() && parent.get().getSource().orElse(null) instanceof MethodSource) {
            return parent.get().getDisplayName() + " [" + node.getDisplayName() + "]";
        }
        return node.getDisplayName();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier node : testPlan.getDescendants(root)) {
                if (node.isTest()) {
                    wire.println(testLine(testPlan, node));
                }
            }
        }
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier node) {
        if (node.isTest()) {
            wire.println(testLine(plan, node));
        }
    }

    @Override
    public void executionStarted(TestIdentifier node) {
        watchdog.enter(node.getUniqueId());
        if (node.isTest()) {
            capture.take();
            wire.println(Wire.line("start", node.getUniqueId()));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier node, String reason) {
        for (TestIdentifier test : node.isTest() ? Set.of(node) : plan.getDescendants(node)) {
            if (test.isTest()) {
                end(test, Result.Outcome.SKIPPED, "skipped: " + reason, "", 0);
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier node, TestExecutionResult result) {
        long millis = watchdog.leave(node.getUniqueId());
        Throwable thrown = result.getThrowable().orElse(null);
        Result.Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> Result.Outcome.PASSED;
            case ABORTED -> Result.Outcome.SKIPPED;
            case FAILED -> Result.Outcome.FAILED;
        };
        if (node.isTest()) {
            end(node, outcome, Failures.message(thrown), Failures.where(thrown, roomClasses), millis);
        } else if (outcome == Result.Outcome.FAILED && node.getSource().isPresent()) {
            wire.println(testLine(plan, node)); // the class or method failed as a whole: count it as a failed test
            end(node, outcome, Failures.message(thrown), Failures.where(thrown, roomClasses), millis);
        }
    }

    private void end(TestIdentifier node, Result.Outcome outcome, String message, String where, long millis) {
        if (ended.add(node.getUniqueId())) {
            wire.println(Wire.line("end", node.getUniqueId(), outcome.name(), message, where, capture.take(), Long.toString(millis),
                    Long.toString(bounds.of(plan, node))));
        }
    }
}
