package workshop.pitfalls;

import java.util.concurrent.CompletableFuture;
import workshop.loop.http.Response;

/**
 * YOUR ROOM, part 2: await what you start. A future nobody waits for is work whose end and whose
 * failure nobody sees; and a loop thread that waits with {@code join()} stops the loop. Chain
 * the next step onto the future instead, and return the chain.
 */
public final class ComposedHandlers {
    private ComposedHandlers() {
    }

    /**
     * 4.4 {@code POST /save/?item=I}: validate the item with {@link ItemStore#validate}, save the
     * validated name with {@link ItemStore#save}, and only then answer 200 with
     * {@code {"saved": "<item>"}}.
     *
     * <p>The contract: the answer never goes out before the write has finished, and a failure of
     * either step fails the returned future (the server turns a failed validation into a 400 and a
     * failed write into a 500). Nothing may wait on the loop thread. Hints: HINTS.md, step 4.4.
     */
    public static CompletableFuture<Response> save(ItemStore store, String item) {
        throw new UnsupportedOperationException(
                "TODO 4.4: validate, save, and answer only once the write is done, in save() in "
                        + "src/exercise/java/workshop/pitfalls/ComposedHandlers.java (README.md, step 4.4)");
    }

    /**
     * 4.5 {@code GET /quote/?item=I}: ask the catalog for the price and the stock (both at once:
     * start both lookups before waiting for either) and answer with
     * {@code new Quote(item, price, stock).toResponse()}, without ever calling {@code join()} or
     * {@code get()}: the loop thread must not wait. Hints: HINTS.md, step 4.5.
     */
    public static CompletableFuture<Response> quote(Catalog catalog, String item) {
        throw new UnsupportedOperationException(
                "TODO 4.5: start both lookups and answer once both are in, without waiting, in quote() in "
                        + "src/exercise/java/workshop/pitfalls/ComposedHandlers.java (README.md, step 4.5)");
    }
}
