package workshop.async;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** KNOWN MISTAKE (2.1-platform-threads): Java's first answer to {@code async def}: keep the blocking code, make the threads cheap. */
public final class VirtualThreads {
    private VirtualThreads() {
    }

    /** 2.1 A new virtual thread per request, named so timelines can tell them apart. */
    public static ExecutorService perTask() {
        return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("virtual-", 0).factory()); // platform, not virtual
    }
}
