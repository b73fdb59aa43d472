package io.subsync.tenancy.domain;

import io.subsync.catalog.BillingCycle;
import java.math.BigDecimal;

/** What a subscription costs: an amount in a currency, per billing cycle. */
public record Price(BigDecimal amount, String currency, BillingCycle cycle) {}
