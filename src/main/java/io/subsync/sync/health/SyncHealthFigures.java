package io.subsync.sync.health;

/** The sync health figures that the API, the CLI and the pages show. */
public record SyncHealthFigures(
        boolean masterConfigured,
        long totalAccounts,
        long pendingAccounts,
        long syncedAccounts,
        long failedAccounts,
        long divergedAccounts,
        long syncedLast24h,
        long errorsLast24h,
        long accountsWithErrors,
        Double avgSecondsSinceLastSync,
        long backlog,
        long waitingForLink,
        long failedOperations,
        Double oldestPendingAgeSeconds,
        Double deliveryLatencyAvgMs,
        Double deliveryLatencyP95Ms,
        long deliveredLastHour) {}
