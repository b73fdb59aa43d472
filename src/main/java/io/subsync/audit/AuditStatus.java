package io.subsync.audit;

import java.util.Locale;

/** What became of the change an audit entry records; the codes are the table's check constraint. */
public enum AuditStatus {
    SUCCESS,
    FAILED,
    PENDING,
    STALE,
    SUPERSEDED,
    IGNORED,
    DIVERGED;

    /** The code stored in {@code subscription_sync_log.status}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
