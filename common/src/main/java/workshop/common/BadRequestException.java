package workshop.common;

/** Thrown by a handler when the client sent something invalid; the server answers 400 with the message. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
