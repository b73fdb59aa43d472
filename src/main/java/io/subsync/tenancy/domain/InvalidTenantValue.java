package io.subsync.tenancy.domain;

/** A tenant value that breaks a rule; names the field at fault. */
public class InvalidTenantValue extends RuntimeException {
    private final String field;

    public InvalidTenantValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
