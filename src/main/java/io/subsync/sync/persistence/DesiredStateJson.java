package io.subsync.sync.persistence;

import io.subsync.database.Columns;
import io.subsync.sync.DesiredState;
import io.subsync.sync.SyncOperation;
import java.util.Locale;
import java.util.Map;

/** A desired state as the sync tables hold it: the outbox payload, as it was at that revision. */
public final class DesiredStateJson {
    private DesiredStateJson() {}

    /** The outbox payload: the desired state as it was at that revision. */
    public static String payload(DesiredState state) {
        return Columns.write(state.asMap());
    }

    @SuppressWarnings("unchecked")
    public static DesiredState state(String payload) {
        Map<String, Object> map = Columns.map(payload);
        return new DesiredState(
                SyncOperation.valueOf(((String) map.get("operation")).toUpperCase(Locale.ROOT)),
                (String) map.get("serviceName"),
                (String) map.get("planCode"),
                (String) map.get("status"),
                Columns.instant((String) map.get("startDate")),
                Columns.instant((String) map.get("endDate")),
                (Map<String, Object>) map.get("metadata"));
    }
}
