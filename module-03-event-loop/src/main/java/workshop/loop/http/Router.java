package workshop.loop.http;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import workshop.common.BadRequestException;

/**
 * Routes a request by exact path, then method, to its {@link Handler}; a HEAD request runs the GET
 * handler. A wrong path is 404, a wrong method 405 (with {@code Allow}), a {@link BadRequestException} 400, any other failure
 * of the handler 500: the client always gets a JSON answer, and the connection lives on.
 */
public final class Router {
    private final Map<String, Map<String, Handler>> routes = new HashMap<>();

    public Router route(String method, String path, Handler handler) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    public Router get(String path, Handler handler) {
        return route("GET", path, handler);
    }

    public Router post(String path, Handler handler) {
        return route("POST", path, handler);
    }

    /** Runs the handler for {@code request} until it returns its future (it must not block). */
    public CompletableFuture<Response> dispatch(Request request) {
        Map<String, Handler> byMethod = routes.get(request.path());
        if (byMethod == null) {
            return Response.error(404, "no route for " + request.path()).now();
        }
        Handler handler = byMethod.get(request.method());
        if (handler == null && request.method().equals("HEAD")) {
            handler = byMethod.get("GET"); // RFC 9110 §9.1: HEAD wherever GET is; the encoder leaves out the body
        }
        if (handler == null) {
            return Response.error(405, request.method() + " is not allowed here")
                    .withHeader("Allow", allowed(byMethod)).now();
        }
        try {
            CompletableFuture<Response> answer = handler.handle(request);
            if (answer == null) {
                return Response.error(500, "the handler returned no future").now();
            }
            return answer;
        } catch (Throwable failure) {
            return errorFor(failure).now();
        }
    }

    /** The methods a path answers, for the {@code Allow} field of a 405: HEAD comes with every GET. */
    private static String allowed(Map<String, Handler> byMethod) {
        String methods = String.join(", ", byMethod.keySet());
        return byMethod.containsKey("GET") && !byMethod.containsKey("HEAD") ? methods + ", HEAD" : methods;
    }

    /** The answer of a completed future: its response, or the error for its failure. */
    static Response responseOf(CompletableFuture<Response> done) {
        try {
            return responseOf(done.join(), null);
        } catch (CompletionException | CancellationException failure) {
            return errorFor(failure);
        }
    }

    /** The answer of a handler's future that completed with {@code response} or {@code failure}. */
    static Response responseOf(Response response, Throwable failure) {
        if (failure != null) {
            return errorFor(failure);
        }
        return response != null ? response : Response.error(500, "the handler completed with no response");
    }

    /** The answer for a handler that threw or whose future failed. */
    public static Response errorFor(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof BadRequestException) {
            return Response.error(400, cause.getMessage());
        }
        if (cause instanceof HttpError error) {
            return Response.error(error.status(), error.getMessage());
        }
        return Response.error(500, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
