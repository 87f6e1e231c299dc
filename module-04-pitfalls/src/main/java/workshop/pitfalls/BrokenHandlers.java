package workshop.pitfalls;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import workshop.loop.http.Response;

/**
 * The pitfalls, as given code. Every handler here compiles, looks reasonable in a code review,
 * and is wrong on an event loop. Read them, run the demo tests to see what each one does, and
 * never copy them: your fixed versions go in {@link NonBlockingHandlers} and {@link ComposedHandlers}.
 */
final class BrokenHandlers {
    private BrokenHandlers() {
    }

    /** 4.1 {@code time.sleep} inside {@code async def}: the loop thread sleeps, and so does every other request. */
    static CompletableFuture<Response> sleepOnTheLoop(Duration wait) throws InterruptedException {
        Thread.sleep(wait);
        return Response.ok("message", "done").now();
    }

    /** 4.2 A blocking library called straight from a handler: the same stall, hidden inside someone else's code. */
    static CompletableFuture<String> legacyOnTheLoop(LegacyClient legacy, String key) {
        return CompletableFuture.completedFuture(legacy.lookup(key));
    }

    /** 4.3 CPU work on the loop: nothing to wait for, yet nothing else runs until it is done. */
    static CompletableFuture<CpuWork.Hash> hashOnTheLoop(CpuWork cpu, String payload, Duration cpuTime) {
        return CompletableFuture.completedFuture(cpu.hashFor(payload, cpuTime));
    }

    /**
     * 4.4 A dropped future, Python's task that nobody awaits ({@code asyncio.create_task(store.save(item))}):
     * the write starts, the answer goes out at once, and a failed write reaches nobody.
     */
    static CompletableFuture<Response> saveAndForget(ItemStore store, String item) {
        store.save(item); // the returned future is dropped: nobody waits for the write or hears that it failed
        return Response.ok("saved", item).now();
    }

    /**
     * 4.4 Python's coroutine that nobody awaits ({@code store.save(item)} without {@code await}): it
     * is only built, and its body never runs. A Java call always starts its work, so the Java
     * shape of that mistake is a {@link Supplier} of the write that nobody calls.
     */
    static CompletableFuture<Response> saveNeverCalled(ItemStore store, String item) {
        Supplier<CompletableFuture<String>> write = () -> store.save(item); // built, never called: no write starts
        return Response.ok("saved", item).now();
    }

    /** 4.4 {@code thenApply} where {@code thenCompose} was meant: a future of a future, and only the outer one is awaited. */
    static CompletableFuture<Response> saveWithThenApply(ItemStore store, String item) {
        return store.validate(item)
                .thenApply(store::save) // CompletableFuture<CompletableFuture<String>>: the inner write is left alone
                .thenApply(write -> Response.ok("saved", item));
    }

    /** 4.5 {@code join()} on the loop thread: it waits for timers that only this very thread can fire. */
    static CompletableFuture<Response> quoteWithJoin(Catalog catalog, String item) {
        int price = catalog.price(item).join(); // the loop thread stops here, so the catalog's timer never fires
        int stock = catalog.stock(item).join();
        return new Quote(item, price, stock).toResponse().now();
    }
}
