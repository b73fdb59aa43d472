package io.subsync.sync.inbound;

import io.subsync.sync.InvalidSyncRequest;
import java.util.Locale;

/** Which side a resolve keeps. */
public enum KeptSide {
    MVP,
    MASTER;

    /** {@code mvp} or {@code master}, any case; else an {@link InvalidSyncRequest} naming {@code keep}. */
    public static KeptSide parse(String keep) {
        if (keep != null) {
            for (KeptSide side : values()) {
                if (side.name().equalsIgnoreCase(keep.trim())) {
                    return side;
                }
            }
        }
        throw new InvalidSyncRequest(
                "keep", "must be mvp or master, was " + (keep == null ? "missing" : "'" + keep + "'"));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
