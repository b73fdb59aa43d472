package io.subsync.catalog.domain;

import io.subsync.catalog.Product;
import io.subsync.catalog.ProductCode;
import java.util.List;
import java.util.Optional;

/** The products of the catalogue. */
public interface Products {
    List<Product> all();

    Optional<Product> find(ProductCode code);

    /** Adds a product; throws {@link CatalogConflict} when the code is taken. */
    void add(Product product);
}
