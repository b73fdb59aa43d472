package io.subsync.sync;

import java.util.Locale;

/** What a sync asks Master to do with a subscription. */
public enum SyncOperation {
    CREATE,
    UPDATE,
    CANCEL,
    REACTIVATE,
    SYNC;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SyncOperation fromCode(String field, String code) {
        if (code != null) {
            for (SyncOperation operation : values()) {
                if (operation.code().equalsIgnoreCase(code.trim())) {
                    return operation;
                }
            }
        }
        throw new InvalidSyncRequest(
                field,
                "must be one of create, update, cancel, reactivate, sync, was "
                        + (code == null ? "missing" : "'" + code + "'"));
    }
}
