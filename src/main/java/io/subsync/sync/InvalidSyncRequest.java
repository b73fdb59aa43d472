package io.subsync.sync;

/** A sync request that breaks a rule; names the field at fault. */
public class InvalidSyncRequest extends RuntimeException {
    private final String field;

    public InvalidSyncRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
