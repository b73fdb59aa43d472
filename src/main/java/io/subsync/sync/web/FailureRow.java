package io.subsync.sync.web;

import io.subsync.sync.domain.FailedOperation;

/** A failed operation as the admin page's failures list prints it, with the sync id its Retry button posts. */
record FailureRow(String syncId, String syncIdShort, String mvpUserId, String mvpUserIdShort, String service,
                  String planCode, String operation, int attempts, String lastError, String acceptedAt, String failedAt) {

    static FailureRow of(FailedOperation f) {
        return new FailureRow(f.syncId().toString(), LogRow.shortId(f.syncId()), f.mvpUserId().toString(),
                LogRow.shortId(f.mvpUserId()), f.serviceName(), f.planCode(), f.operation(), f.attempts(),
                f.lastError() == null ? "—" : f.lastError(), LogRow.when(f.acceptedAt()), LogRow.when(f.failedAt()));
    }
}
