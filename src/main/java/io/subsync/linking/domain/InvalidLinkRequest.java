package io.subsync.linking.domain;

/** A request about a link that breaks a rule; names the field at fault. */
public class InvalidLinkRequest extends RuntimeException {
    private final String field;

    public InvalidLinkRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
