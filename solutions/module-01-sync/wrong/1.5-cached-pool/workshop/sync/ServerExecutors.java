package workshop.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** KNOWN MISTAKE (1.5-cached-pool): the executors the server hands each request to. */
public final class ServerExecutors {
    private ServerExecutors() {
    }

    /** 1.4 A new platform thread for every request: nobody waits for a free thread. */
    public static ExecutorService threadPerRequest() {
        return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("request-", 0).factory());
    }

    /** 1.5 A fixed pool of {@code threads} platform threads; further requests queue for a free one. */
    public static ExecutorService fixedPool(int threads) {
        return Executors.newCachedThreadPool(Thread.ofPlatform().name("pool-", 0).factory()); // threads is ignored: no cap
    }
}
