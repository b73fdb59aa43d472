package io.subsync.tenancy.web;

import io.subsync.tenancy.domain.InvalidTenantValue;
import java.util.Locale;

/**
 * A change asked for on the tenant's page, from the form's fields: {@code change} (tier, on, off or cancel) with the
 * {@code tier} or the {@code product} it needs.
 */
record PageChange(Kind kind, String tier, String product) {
    enum Kind {
        TIER,
        ON,
        OFF,
        CANCEL
    }

    static PageChange parse(String change, String tier, String product) {
        Kind kind = switch (change == null ? "" : change) {
            case "tier" -> Kind.TIER;
            case "on" -> Kind.ON;
            case "off" -> Kind.OFF;
            case "cancel" -> Kind.CANCEL;
            default -> throw new InvalidTenantValue("change", "must be one of tier, on, off, cancel");
        };
        if (kind == Kind.TIER && (tier == null || tier.isBlank())) {
            throw new InvalidTenantValue("tier", "is required to change the platform plan");
        }
        if (kind != Kind.TIER && (product == null || product.isBlank())) {
            throw new InvalidTenantValue("product", "is required to switch or cancel a product");
        }
        return new PageChange(kind, kind == Kind.TIER ? tier : null, kind == Kind.TIER ? null : product);
    }

    /** The {@code change} field that asks for this change again (public for the template). */
    public String code() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
