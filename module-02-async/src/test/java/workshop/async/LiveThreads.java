package workshop.async;

import java.lang.management.ManagementFactory;

/** The JVM's live platform (operating-system) threads; virtual threads are not counted. */
final class LiveThreads {
    private LiveThreads() {
    }

    static int count() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
