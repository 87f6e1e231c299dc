package workshop.pitfalls;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** SOLUTION: the thread pitfalls, fixed. */
public final class ThreadFixes {
    private ThreadFixes() {
    }

    /** 4.6 A virtual thread per task: a waiting report parks a cheap virtual thread, never the last worker. */
    public static ExecutorService reportExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("report-", 0).factory());
    }

    /** 4.6 Sections get their own pool, so reports waiting in theirs can never starve them. */
    public static ExecutorService sectionPool() {
        return Executors.newFixedThreadPool(2, Thread.ofPlatform().name("section-", 0).factory());
    }

    /** 4.7 A ReentrantLock parks a virtual thread without holding its carrier, on every JDK since 21. */
    public static PinningProbe.Guard lockGuard() {
        Object monitor = new Object();
        return section -> {
            synchronized (monitor) { // WRONG: pins a parked virtual thread's carrier on JDK 21 to 23
                section.run();
            }
        };
    }
}
