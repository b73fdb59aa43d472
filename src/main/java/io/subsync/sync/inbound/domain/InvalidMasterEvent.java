package io.subsync.sync.inbound.domain;

/** A signed webhook event whose body breaks the contract; names the field at fault. */
public class InvalidMasterEvent extends RuntimeException {
    private final String field;

    public InvalidMasterEvent(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
