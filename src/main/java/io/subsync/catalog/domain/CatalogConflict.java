package io.subsync.catalog.domain;

/** A catalogue entry that already exists: a product code taken, or a second active plan at one tier. */
public class CatalogConflict extends RuntimeException {
    private final String field;

    public CatalogConflict(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
