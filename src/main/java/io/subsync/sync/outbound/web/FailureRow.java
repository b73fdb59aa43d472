package io.subsync.sync.outbound.web;

import io.subsync.http.PageTexts;
import io.subsync.sync.outbound.FailedOperation;

/** A failed operation as the admin page's failures list prints it, with the sync id its Retry button posts. */
record FailureRow(
        String syncId,
        String syncIdShort,
        String mvpUserId,
        String mvpUserIdShort,
        String user,
        String service,
        String planCode,
        String operation,
        int attempts,
        String lastError,
        String acceptedAt,
        String failedAt) {

    static FailureRow of(FailedOperation f) {
        return new FailureRow(
                f.syncId().toString(),
                PageTexts.shortId(f.syncId()),
                f.mvpUserId().toString(),
                PageTexts.shortId(f.mvpUserId()),
                PageTexts.user(f.masterEmail().orElse(null), f.mvpUserId()),
                f.serviceName(),
                f.planCode(),
                f.operation(),
                f.attempts(),
                f.lastError() == null ? "—" : f.lastError(),
                PageTexts.when(f.acceptedAt()),
                PageTexts.when(f.failedAt()));
    }
}
