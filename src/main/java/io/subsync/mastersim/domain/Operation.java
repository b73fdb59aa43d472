package io.subsync.mastersim.domain;

import java.util.Locale;
import java.util.Optional;

/** What a delivery asks Master to do with a subscription. */
public enum Operation {
    CREATE,
    UPDATE,
    CANCEL,
    REACTIVATE,
    SYNC;

    /** The lower-case code used on the wire. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operation with this code, matched case-insensitively; empty when there is none. */
    public static Optional<Operation> fromCode(String code) {
        for (Operation operation : values()) {
            if (operation.name().equalsIgnoreCase(code)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
