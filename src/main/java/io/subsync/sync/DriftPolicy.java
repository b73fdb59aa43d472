package io.subsync.sync;

import java.util.Locale;

/**
 * What happens when Master's state and an MVP change that has not reached Master disagree
 * ({@code subsync.sync.drift-policy}, {@code SUBSYNC_DRIFT_POLICY}).
 */
public enum DriftPolicy {
    /** Mark the subscription and the account link {@code diverged}; an operator resolves it. The default. */
    MANUAL,
    /** Keep the MVP's state: push it to Master again as a full {@code sync}. */
    MVP_WINS,
    /** Take Master's state: the undelivered MVP changes are superseded. */
    MASTER_WINS;

    /** The configuration spelling: {@code manual}, {@code mvp-wins}, {@code master-wins}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The policy spelled {@code code} (either spelling, any case); an {@link IllegalArgumentException} otherwise. */
    public static DriftPolicy fromCode(String code) {
        if (code != null) {
            String normalized = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (DriftPolicy policy : values()) {
                if (policy.code().equals(normalized)) {
                    return policy;
                }
            }
        }
        throw new IllegalArgumentException("drift policy must be manual, mvp-wins or master-wins, was '" + code + "'");
    }
}
