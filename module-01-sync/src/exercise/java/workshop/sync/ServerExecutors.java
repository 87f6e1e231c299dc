package workshop.sync;

import java.util.concurrent.ExecutorService;

/**
 * YOUR ROOM, part 2: the executors the server hands each request to. With no executor at all
 * (the server's default), one dispatcher thread accepts connections <em>and</em> runs every
 * handler, so one sleeping request holds up all the others.
 */
public final class ServerExecutors {
    private ServerExecutors() {
    }

    /**
     * 1.4 A new platform thread for every request: nobody waits for a free thread.
     *
     * <p>Name the threads (for example {@code request-0, request-1, ...}) so timelines show them.
     */
    public static ExecutorService threadPerRequest() {
        throw new UnsupportedOperationException(
                "TODO 1.4: return an executor that starts a new platform thread per request from threadPerRequest() in "
                        + "src/exercise/java/workshop/sync/ServerExecutors.java (README.md, step 1.4)");
    }

    /**
     * 1.5 A fixed pool of {@code threads} platform threads. Like AnyIO's limiter of 40 tokens
     * under FastAPI, it caps how many blocking calls run at once: request number
     * {@code threads + 1} waits in the queue until a thread is free.
     */
    public static ExecutorService fixedPool(int threads) {
        throw new UnsupportedOperationException(
                "TODO 1.5: return a pool of exactly `threads` platform threads from fixedPool() in "
                        + "src/exercise/java/workshop/sync/ServerExecutors.java (README.md, step 1.5)");
    }
}
