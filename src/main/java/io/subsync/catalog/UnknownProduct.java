package io.subsync.catalog;

/** A product code that is not in the catalogue. */
public class UnknownProduct extends RuntimeException {
    private final String field;

    public UnknownProduct(String field, String code) {
        super("no product '" + code + "' in the catalogue");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
