package workshop.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** KNOWN MISTAKE (1.5-core-one-unbounded-queue): the executors the server hands each request to. */
public final class ServerExecutors {
    private ServerExecutors() {
    }

    /** 1.4 A new platform thread for every request: nobody waits for a free thread. */
    public static ExecutorService threadPerRequest() {
        return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("request-", 0).factory());
    }

    /** 1.5 A fixed pool of {@code threads} platform threads; further requests queue for a free one. */
    public static ExecutorService fixedPool(int threads) {
        // core 1, max threads, unbounded queue: the habit from Spring's ThreadPoolTaskExecutor settings
        return new ThreadPoolExecutor(1, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("pool-", 0).factory());
    }
}
