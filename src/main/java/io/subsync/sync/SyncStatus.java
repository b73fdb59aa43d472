package io.subsync.sync;

import java.util.Locale;

/**
 * How far Master has the desired state of one (user, service): {@code subscription_sync_state.sync_status}, whose
 * check constraint names the same codes (V3).
 */
public enum SyncStatus {
    PENDING,
    SYNCED,
    FAILED,
    DIVERGED;

    /** The database's and the API's spelling. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a database code; an unknown code is a bug (the check constraint refuses it). */
    public static SyncStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
