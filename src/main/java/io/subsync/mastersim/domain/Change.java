package io.subsync.mastersim.domain;

import java.util.Map;

/**
 * One delivery's content, already validated: the desired state of the subscription (userId, serviceId) and the
 * operation. Dates are ISO-8601 text kept as sent; {@code sequence} is Subsync's per-subscription sequence number,
 * or null when the delivery carried none.
 */
public record Change(
        String userId,
        String serviceId,
        String planTier,
        Operation operation,
        String serviceName,
        String planCode,
        String status,
        String startDate,
        String endDate,
        Map<String, Object> metadata,
        Long sequence) {}
