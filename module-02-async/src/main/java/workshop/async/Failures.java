package workshop.async;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for the exceptions a failed {@link java.util.concurrent.CompletableFuture} hands you. */
public final class Failures {
    private Failures() {
    }

    /**
     * The real cause behind a future's failure. Dependent stages wrap it in a
     * {@link CompletionException} (and {@code get()} in an {@link ExecutionException}); peel those off.
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
