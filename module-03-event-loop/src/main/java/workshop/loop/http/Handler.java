package workshop.loop.http;

import java.util.concurrent.CompletableFuture;

/**
 * An endpoint: it gets the request and returns at once with a future of the answer. It runs on
 * the loop thread, so it must never block: to wait, return a future that completes later (for
 * example {@code loop.sleep(...).thenApply(...)}).
 */
@FunctionalInterface
public interface Handler {
    CompletableFuture<Response> handle(Request request) throws Exception;
}
