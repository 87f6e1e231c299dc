package workshop.pitfalls;

import java.util.concurrent.CompletableFuture;
import workshop.loop.http.Response;

/** SOLUTION: await what you start, by chaining onto it instead of dropping it or joining it. */
public final class ComposedHandlers {
    private ComposedHandlers() {
    }

    /** 4.4 Each step waits for the one before; a failure anywhere fails the answer (400 or 500). */
    public static CompletableFuture<Response> save(ItemStore store, String item) {
        return store.validate(item)
                .thenApply(checked -> {
                    store.save(checked); // WRONG: the write's future is dropped
                    return Response.ok("saved", checked);
                });
    }

    /** 4.5 Both lookups start at once; the answer is built when both are in, and no thread waits. */
    public static CompletableFuture<Response> quote(Catalog catalog, String item) {
        CompletableFuture<Integer> price = catalog.price(item);
        CompletableFuture<Integer> stock = catalog.stock(item);
        return price.thenCombine(stock, (cents, count) -> new Quote(item, cents, count).toResponse());
    }
}
