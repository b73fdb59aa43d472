package io.subsync.tenancy.domain;

import io.subsync.tenancy.TenantId;
import java.util.List;

/** Read side for pricing a change before it is made. */
public interface CurrentSubscriptions {

    /**
     * Every active subscription of the tenant (hidden ones of switched-off products too), and per product with none
     * active the last one cancelled by switching the product off.
     */
    List<CurrentSubscription> of(TenantId tenant);
}
