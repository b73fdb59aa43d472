package io.subsync.audit;

import java.util.Locale;

/**
 * What an audit entry records: a sync operation ({@code create} … {@code sync}) or a change of the account's link
 * or of a divergence; the codes are the table's check constraint.
 */
public enum AuditOperation {
    CREATE,
    UPDATE,
    CANCEL,
    REACTIVATE,
    SYNC,
    LINK,
    UNLINK,
    RESOLVE;

    /** The code stored in {@code subscription_sync_log.operation}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operation of a code, as a sync operation spells it; an unknown code is a programming error. */
    public static AuditOperation fromCode(String code) {
        for (AuditOperation operation : values()) {
            if (operation.code().equals(code)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("not an audited operation: '" + code + "'");
    }
}
