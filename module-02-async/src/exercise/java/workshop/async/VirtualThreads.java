package workshop.async;

import java.util.concurrent.ExecutorService;

/**
 * YOUR ROOM, part 1: Java's first answer to {@code async def}. Keep the blocking code of
 * module 01 ({@code Thread.sleep} in the handler) and change only the threads: a virtual thread
 * that blocks is parked by the JDK, and the operating-system thread under it moves on to other work.
 */
public final class VirtualThreads {
    private VirtualThreads() {
    }

    /**
     * 2.1 An executor that starts a new <em>virtual</em> thread for every request, and never reuses one.
     *
     * <p>Its threads are named {@code virtual-0, virtual-1, ...} so timelines can tell them apart:
     * virtual threads have no name unless you give them one.
     */
    public static ExecutorService perTask() {
        throw new UnsupportedOperationException(
                "TODO 2.1: return an executor that starts a named virtual thread per request from perTask() in "
                        + "src/exercise/java/workshop/async/VirtualThreads.java (README.md, step 2.1)");
    }
}
