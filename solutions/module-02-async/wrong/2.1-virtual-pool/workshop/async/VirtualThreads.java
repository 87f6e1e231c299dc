package workshop.async;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** KNOWN MISTAKE (2.1-virtual-pool): Java's first answer to {@code async def}: keep the blocking code, make the threads cheap. */
public final class VirtualThreads {
    private VirtualThreads() {
    }

    /** 2.1 A new virtual thread per request, named so timelines can tell them apart. */
    public static ExecutorService perTask() {
        return Executors.newFixedThreadPool(200, Thread.ofVirtual().name("virtual-", 0).factory()); // pooling virtual threads
    }
}
