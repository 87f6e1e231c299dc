package workshop.common;

import java.net.InetSocketAddress;

/**
 * One concurrency model of the kit, as every race and the benchmark know it: its name, the idea
 * of the lesson it stands for, how many requests it can serve at once, and how to start it.
 * Each model is defined once, next to the code it runs; the races only list them.
 *
 * @param name     what the model is, for example {@code fixed pool of 40}
 * @param idea     the lesson's idea it stands for, and where the kit builds it
 * @param capacity how many requests it serves at once by design ({@link #UNBOUNDED} when the burst itself is the limit)
 * @param starter  starts a fresh server of this model
 */
public record RaceModel(String name, String idea, int capacity, Starter starter) {
    /** The model sets no limit of its own: every request of a burst can wait at the same time. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /** Starts a fresh server of one model. */
    @FunctionalInterface
    public interface Starter {
        /**
         * Starts the server on {@code address} (port 0 picks a free port).
         *
         * @param address where to listen
         * @param ms      how long each request on the model's waiting route waits
         * @return the running server
         * @throws Exception when the server cannot start, for example because its code is not written yet
         */
        RaceServer start(InetSocketAddress address, long ms) throws Exception;
    }
}
