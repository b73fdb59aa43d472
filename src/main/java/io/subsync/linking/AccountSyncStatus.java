package io.subsync.linking;

import java.util.Locale;

/**
 * How an account's syncing goes, its subscriptions' together: {@code account_sync.sync_status}, whose check
 * constraint names the same codes (V3).
 */
public enum AccountSyncStatus {
    PENDING,
    SYNCED,
    FAILED,
    DIVERGED;

    /** The database's and the API's spelling. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a database code; an unknown code is a bug (the check constraint refuses it). */
    public static AccountSyncStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
