package io.subsync.mastersim.web;

/** A request the simulator refuses: answered with {@code status} and {@code {"error", "field"}}. */
final class BadRequest extends RuntimeException {
    private final int status;
    private final String field;

    BadRequest(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static BadRequest invalid(String field, String message) {
        return new BadRequest(400, field, message);
    }

    static BadRequest unprocessable(String field, String message) {
        return new BadRequest(422, field, message);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
