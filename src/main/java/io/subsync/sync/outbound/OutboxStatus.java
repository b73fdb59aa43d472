package io.subsync.sync.outbound;

import java.util.Locale;

/** Where an operation of the outbox is: {@code sync_outbox.status}, whose check constraint names the same codes. */
public enum OutboxStatus {
    /** The account has no Master link yet. */
    WAITING,
    PENDING,
    DELIVERING,
    DELIVERED,
    FAILED,
    /** A newer desired state (or Master's, taken over it) carries it on. */
    SUPERSEDED;

    /** The database's and the API's spelling. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a database code; an unknown code is a bug (the check constraint refuses it). */
    public static OutboxStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
