package workshop.pitfalls;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/** SOLUTION: the thread pitfalls, fixed. */
public final class ThreadFixes {
    private ThreadFixes() {
    }

    /** 4.6 A virtual thread per task: a waiting report parks a cheap virtual thread, never the last worker. */
    public static ExecutorService reportExecutor() {
        return Executors.newFixedThreadPool(4, Thread.ofPlatform().name("report-", 0).factory()); // WRONG: can run out
    }

    /** 4.6 Sections get their own pool, so reports waiting in theirs can never starve them. */
    public static ExecutorService sectionPool() {
        return Executors.newFixedThreadPool(2, Thread.ofPlatform().name("section-", 0).factory());
    }

    /** 4.7 A ReentrantLock parks a virtual thread without holding its carrier, on every JDK since 21. */
    public static PinningProbe.Guard lockGuard() {
        ReentrantLock lock = new ReentrantLock();
        return section -> {
            lock.lock();
            try {
                section.run();
            } finally {
                lock.unlock();
            }
        };
    }
}
