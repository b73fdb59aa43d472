package io.subsync.sync.domain;

import java.util.UUID;

/** Master's state of one user's subscription to one Master service, at one of Master's versions. */
public record MasterSubscriptionState(UUID masterUserId, String serviceId, String planTier, String status,
                                      String startDate, String endDate, long version) {
}
