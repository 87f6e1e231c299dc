package workshop.runner;

import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * A test's own time bound, as JUnit applies it: its method's {@code @Timeout}, else its class's (or an
 * enclosing class's), else the configured default for its kind of method, else the kit's default. The
 * known-mistakes check holds a failing test to it: a wrong answer must fail within its bound plus a second.
 */
final class TestBounds {
    private final Map<String, String> config;

    TestBounds(Map<String, String> config) {
        this.config = config;
    }

    /** The bound of a test of the plan, in milliseconds; the kit's default when the test has no method to read. */
    long of(TestPlan plan, TestIdentifier node) {
        Method method = null;
        Class<?> testClass = null;
        if (node.getSource().orElse(null) instanceof MethodSource source) {
            try {
                method = source.getJavaMethod();
                testClass = source.getJavaClass();
            } catch (RuntimeException notLoadable) {
                method = null;
            }
        }
        boolean template = plan != null && plan.getParent(node).flatMap(TestIdentifier::getSource).orElse(null) instanceof MethodSource;
        return of(method, testClass, template);
    }

    long of(Method method, Class<?> testClass, boolean template) {
        if (method != null && method.getAnnotation(Timeout.class) != null) {
            return millis(method.getAnnotation(Timeout.class));
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Timeout onClass = c.getAnnotation(Timeout.class);
            if (onClass != null) {
                return millis(onClass);
            }
        }
        for (String key : new String[] {
                template ? "junit.jupiter.execution.timeout.testtemplate.method.default" : "junit.jupiter.execution.timeout.test.method.default",
                "junit.jupiter.execution.timeout.testable.method.default"}) {
            long millis = JUnitConfig.durationMillis(config.get(key));
            if (millis > 0) {
                return millis;
            }
        }
        return JUnitConfig.defaultTimeoutMillis(config);
    }

    private static long millis(Timeout timeout) {
        return Math.max(1, timeout.unit().toMillis(timeout.value()));
    }
}
