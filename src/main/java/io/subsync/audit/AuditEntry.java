package io.subsync.audit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What one audit row says happened, without who did it or when (those are passed beside it, to
 * {@link SyncLog#append}). Built by the factory of what is recorded; the {@code with…} methods add what only some
 * entries know, and take {@code null} as "not known". The side the change came from is the port's: {@link SyncLog}
 * writes the MVP's, the inbound room's port Master's (which also writes {@link #masterData}).
 */
public record AuditEntry(
        Optional<UUID> syncId,
        Optional<UUID> mvpUserId,
        Optional<UUID> masterUserId,
        Optional<String> serviceName,
        AuditOperation operation,
        AuditStatus status,
        Optional<Map<String, Object>> mvpData,
        Optional<Map<String, Object>> masterData,
        Optional<String> error) {
    public AuditEntry {
        Objects.requireNonNull(syncId);
        Objects.requireNonNull(mvpUserId);
        Objects.requireNonNull(masterUserId);
        Objects.requireNonNull(serviceName);
        Objects.requireNonNull(operation);
        Objects.requireNonNull(status);
        Objects.requireNonNull(mvpData);
        Objects.requireNonNull(masterData);
        Objects.requireNonNull(error);
    }

    /** A change of the MVP's desired state recorded and queued for Master ({@code syncId} is its operation). */
    public static AuditEntry pending(
            UUID syncId, UUID mvpUserId, String serviceName, AuditOperation operation, Map<String, Object> mvpData) {
        return of(operation, AuditStatus.PENDING)
                .withSyncId(syncId)
                .withUser(mvpUserId)
                .withService(serviceName)
                .withMvpData(mvpData);
    }

    /** A failed operation queued for delivery again; {@code why} says who asked. */
    public static AuditEntry requeued(UUID syncId, String why) {
        return of(AuditOperation.SYNC, AuditStatus.PENDING).withSyncId(syncId).withError(why);
    }

    /** A change of the MVP's side that could not become an operation (no sync id); {@code why} says what is missing. */
    public static AuditEntry failed(
            UUID mvpUserId, String serviceName, AuditOperation operation, Map<String, Object> mvpData, String why) {
        return of(operation, AuditStatus.FAILED)
                .withUser(mvpUserId)
                .withService(serviceName)
                .withMvpData(mvpData)
                .withError(why);
    }

    /** The MVP account linked to a Master account. */
    public static AuditEntry link(UUID mvpUserId, UUID masterUserId, Map<String, Object> details) {
        return of(AuditOperation.LINK, AuditStatus.SUCCESS)
                .withUser(mvpUserId)
                .withMasterUser(masterUserId)
                .withMvpData(details);
    }

    /** The MVP account's link to {@code previousMasterUserId} cleared. */
    public static AuditEntry unlink(UUID mvpUserId, UUID previousMasterUserId, Map<String, Object> details) {
        return of(AuditOperation.UNLINK, AuditStatus.SUCCESS)
                .withUser(mvpUserId)
                .withMasterUser(previousMasterUserId)
                .withMvpData(details);
    }

    /**
     * A divergence of (user, service) settled; {@code syncId} is what carries the side kept, {@code why} says which
     * side and how.
     */
    public static AuditEntry resolve(
            UUID syncId, UUID mvpUserId, String serviceName, Map<String, Object> mvpData, String why) {
        return of(AuditOperation.RESOLVE, AuditStatus.SUCCESS)
                .withSyncId(syncId)
                .withUser(mvpUserId)
                .withService(serviceName)
                .withMvpData(mvpData)
                .withError(why);
    }

    /** A change from Master not taken in (unlinked, unmapped, duplicate, unknown event); {@code why} says which. */
    public static AuditEntry ignored(AuditOperation operation, Map<String, Object> masterData, String why) {
        return fromMaster(operation, AuditStatus.IGNORED, masterData).withError(why);
    }

    /** What became of Master's state ({@code masterData}, as received) of a change Master made. */
    public static AuditEntry fromMaster(AuditOperation operation, AuditStatus status, Map<String, Object> masterData) {
        return of(operation, status).withMasterData(masterData);
    }

    private static AuditEntry of(AuditOperation operation, AuditStatus status) {
        return new AuditEntry(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                operation,
                status,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public AuditEntry withSyncId(UUID id) {
        return new AuditEntry(
                Optional.ofNullable(id),
                mvpUserId,
                masterUserId,
                serviceName,
                operation,
                status,
                mvpData,
                masterData,
                error);
    }

    public AuditEntry withUser(UUID id) {
        return new AuditEntry(
                syncId,
                Optional.ofNullable(id),
                masterUserId,
                serviceName,
                operation,
                status,
                mvpData,
                masterData,
                error);
    }

    public AuditEntry withMasterUser(UUID id) {
        return new AuditEntry(
                syncId, mvpUserId, Optional.ofNullable(id), serviceName, operation, status, mvpData, masterData, error);
    }

    public AuditEntry withService(String name) {
        return new AuditEntry(
                syncId,
                mvpUserId,
                masterUserId,
                Optional.ofNullable(name),
                operation,
                status,
                mvpData,
                masterData,
                error);
    }

    public AuditEntry withMvpData(Map<String, Object> data) {
        return new AuditEntry(
                syncId,
                mvpUserId,
                masterUserId,
                serviceName,
                operation,
                status,
                Optional.ofNullable(data),
                masterData,
                error);
    }

    public AuditEntry withMasterData(Map<String, Object> data) {
        return new AuditEntry(
                syncId,
                mvpUserId,
                masterUserId,
                serviceName,
                operation,
                status,
                mvpData,
                Optional.ofNullable(data),
                error);
    }

    /** The entry's {@code error} column: why it failed, or a note on what was done (a reason, a superseding). */
    public AuditEntry withError(String why) {
        return new AuditEntry(
                syncId,
                mvpUserId,
                masterUserId,
                serviceName,
                operation,
                status,
                mvpData,
                masterData,
                Optional.ofNullable(why));
    }
}
