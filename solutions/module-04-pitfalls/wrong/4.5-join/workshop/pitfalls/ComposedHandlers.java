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
                .thenCompose(store::save)
                .thenApply(saved -> Response.ok("saved", saved));
    }

    /** 4.5 Both lookups start at once; the answer is built when both are in, and no thread waits. */
    public static CompletableFuture<Response> quote(Catalog catalog, String item) {
        CompletableFuture<Integer> price = catalog.price(item);
        CompletableFuture<Integer> stock = catalog.stock(item);
        // WRONG: join() on the loop thread waits for a timer only this thread can fire
        return CompletableFuture.completedFuture(new Quote(item, price.join(), stock.join()).toResponse());
    }
}
