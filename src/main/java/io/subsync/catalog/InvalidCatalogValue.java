package io.subsync.catalog;

/** A catalogue value that breaks a rule; names the field at fault. */
public class InvalidCatalogValue extends RuntimeException {
    private final String field;

    public InvalidCatalogValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
