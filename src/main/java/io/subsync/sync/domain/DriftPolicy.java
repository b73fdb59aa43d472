package io.subsync.sync.domain;

import java.util.Locale;

/** Who wins when Master's state and the MVP's differ: an operator ({@code manual}), the MVP, or Master. */
public enum DriftPolicy {
    MANUAL, MVP_WINS, MASTER_WINS;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DriftPolicy fromCode(String field, String code) {
        if (code != null) {
            for (DriftPolicy policy : values()) {
                if (policy.code().equalsIgnoreCase(code.trim()) || policy.name().equalsIgnoreCase(code.trim())) {
                    return policy;
                }
            }
        }
        throw new InvalidSyncRequest(field, "must be one of manual, mvp-wins, master-wins, was "
                + (code == null ? "missing" : "'" + code + "'"));
    }
}
