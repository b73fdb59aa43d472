package io.subsync.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The paging cursor of the audit trail, as the API and the pages (the admin page's log, the user's own sync page) hand
 * it out: the position (time, id) of the last entry of a page, URL-safe and opaque to callers.
 */
public final class LogCursor {
    private LogCursor() {}

    public static String encode(SyncLogEntry last) {
        String raw = last.createdAt().toString() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; none for a blank one; {@link InvalidAuditQuery} for one this service never made. */
    public static Optional<SyncLog.Cursor> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split("\\|");
            return Optional.of(new SyncLog.Cursor(Instant.parse(parts[0]), Long.parseLong(parts[1])));
        } catch (RuntimeException e) {
            throw new InvalidAuditQuery("cursor", "is not a cursor this API returned");
        }
    }
}
