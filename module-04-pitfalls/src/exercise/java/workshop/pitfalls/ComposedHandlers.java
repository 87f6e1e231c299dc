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
     * <p>Each step returns a future, so the steps chain with
     * {@link CompletableFuture#thenCompose} (a step that returns a future), not
     * {@link CompletableFuture#thenApply} (a step that returns a plain value). A failed
     * validation or write then fails the returned future, and the server answers 400 or 500.
     */
    public static CompletableFuture<Response> save(ItemStore store, String item) {
        throw new UnsupportedOperationException(
                "TODO 4.4: chain validate, save and the answer with thenCompose in save() in "
                        + "src/exercise/java/workshop/pitfalls/ComposedHandlers.java (README.md, step 4.4)");
    }

    /**
     * 4.5 {@code GET /quote/?item=I}: ask the catalog for the price and the stock (both at once:
     * start both lookups before waiting for either) and answer with
     * {@code new Quote(item, price, stock).toResponse()}, without ever calling {@code join()} or
     * {@code get()}: the loop thread must not wait.
     *
     * <p>{@link CompletableFuture#thenCombine} joins two futures into one; it is the Java
     * {@code asyncio.gather} for two, as long as both succeed (on a failure, {@code gather}
     * reports it at once, {@code thenCombine} only once both are done).
     */
    public static CompletableFuture<Response> quote(Catalog catalog, String item) {
        throw new UnsupportedOperationException(
                "TODO 4.5: combine catalog.price(item) and catalog.stock(item) with thenCombine in quote() in "
                        + "src/exercise/java/workshop/pitfalls/ComposedHandlers.java (README.md, step 4.5)");
    }
}
