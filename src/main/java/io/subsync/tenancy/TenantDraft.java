package io.subsync.tenancy;

import java.util.Map;
import java.util.UUID;

/** What a new tenant is opened with, as the caller gave it; checked by {@link OpenTenant}. */
public record TenantDraft(UUID id, String name, String plan, UUID ownerUserId, Map<String, Boolean> products) {}
