package workshop.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** KNOWN MISTAKE (1.4-virtual): the executors the server hands each request to. */
public final class ServerExecutors {
    private ServerExecutors() {
    }

    /** 1.4 A new platform thread for every request: nobody waits for a free thread. */
    public static ExecutorService threadPerRequest() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("request-", 0).factory()); // virtual: step 2.1
    }

    /** 1.5 A fixed pool of {@code threads} platform threads; further requests queue for a free one. */
    public static ExecutorService fixedPool(int threads) {
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("pool-", 0).factory());
    }
}
