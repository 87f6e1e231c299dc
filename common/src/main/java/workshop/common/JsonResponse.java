package workshop.common;

/** A status and a JSON body: everything the kit's endpoints answer with. */
public record JsonResponse(int status, String body) {

    /** 200 with {"key": "value"}. */
    public static JsonResponse ok(String key, String value) {
        return new JsonResponse(200, Json.of(key, value));
    }

    /** An error status with {"error": "..."}. */
    public static JsonResponse error(int status, String message) {
        return new JsonResponse(status, Json.error(message));
    }
}
