package io.subsync.tenancy.domain;

import io.subsync.catalog.ProductCode;
import java.util.UUID;

/**
 * A tenant's subscription as a change would find it: an active one (shown or, for a switched-off product that keeps
 * its subscription, hidden), or, when {@code active} is false, the last one cancelled by switching its product off,
 * which switching the product on again reactivates.
 */
public record CurrentSubscription(
        UUID id, ProductCode product, UUID planId, String planName, Price price, boolean active) {}
