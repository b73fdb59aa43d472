package io.subsync.tenancy;

import io.subsync.catalog.Catalog;
import io.subsync.catalog.ProductCode;
import io.subsync.tenancy.domain.InvalidTenantValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns a caller's {@code products} map into checked product codes of the catalogue. */
@Component
class ProductSwitches {
    private final Catalog catalog;

    ProductSwitches(Catalog catalog) {
        this.catalog = catalog;
    }

    Map<ProductCode, Boolean> parse(Map<String, Boolean> products) {
        Map<ProductCode, Boolean> switches = new LinkedHashMap<>();
        if (products == null) {
            return switches;
        }
        products.forEach((key, enabled) -> {
            String field = "products." + key;
            ProductCode code = ProductCode.parse(field, key);
            catalog.product(field, code);
            if (enabled == null) {
                throw new InvalidTenantValue(field, "must be true or false");
            }
            switches.put(code, enabled);
        });
        return switches;
    }
}
