package io.subsync.audit;

/** A read of the audit trail with a parameter out of range or unknown; names the parameter. */
public class InvalidAuditQuery extends RuntimeException {
    private final String field;

    public InvalidAuditQuery(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
