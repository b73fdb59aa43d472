package io.subsync.audit.web;

import io.subsync.audit.InvalidAuditQuery;
import io.subsync.audit.LogCursor;
import io.subsync.audit.SyncLog;
import io.subsync.audit.SyncLogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The admin page's audit log: the filters as typed in, what is wrong with them (a message for the fragment, never an
 * error page), a page of entries and the links to page through.
 */
record LogPanel(
        Query query, List<String> errors, List<LogRow> rows, String selfUrl, String olderUrl, String newestUrl) {
    static final String PATH = "/admin/sync/log";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The filters and paging cursor as they came in; blanks are "not given". */
    record Query(String status, String operation, String mvpUserId, String cursor) {
        static Query of(String status, String operation, String mvpUserId, String cursor) {
            return new Query(code(status), code(operation), blankToNull(mvpUserId), blankToNull(cursor));
        }

        /** What the query asks of the audit trail, or why it cannot be asked. */
        Checked check() {
            List<String> errors = new ArrayList<>();
            if (status != null && !SyncLog.STATUSES.contains(status)) {
                errors.add("Status '" + status + "' is not one of " + String.join(", ", SyncLog.STATUSES) + ".");
            }
            if (operation != null && !SyncLog.OPERATIONS.contains(operation)) {
                errors.add(
                        "Operation '" + operation + "' is not one of " + String.join(", ", SyncLog.OPERATIONS) + ".");
            }
            if (mvpUserId != null && !UUID_TEXT.matcher(mvpUserId).matches()) {
                errors.add(
                        "MVP user id '" + mvpUserId + "' is not a UUID (like 3f2c1b9e-0d4a-4c8e-9a51-6b2f0c7d8e91).");
            }
            Optional<SyncLog.Cursor> after = Optional.empty();
            try {
                after = LogCursor.decode(cursor);
            } catch (InvalidAuditQuery e) {
                errors.add("The paging position is not one this page handed out; start again from the newest entries.");
            }
            SyncLog.Filter filter = errors.isEmpty()
                    ? new SyncLog.Filter(
                            Optional.ofNullable(mvpUserId).map(UUID::fromString),
                            Optional.ofNullable(status),
                            Optional.ofNullable(operation))
                    : null;
            return new Checked(filter, after, List.copyOf(errors));
        }

        public boolean filtered() {
            return status != null || operation != null || mvpUserId != null;
        }

        /** This query's filters at another page: {@code cursor} null for the newest entries. */
        String url(String atCursor) {
            return UriComponentsBuilder.fromPath(PATH)
                    .queryParamIfPresent("status", Optional.ofNullable(status))
                    .queryParamIfPresent("operation", Optional.ofNullable(operation))
                    .queryParamIfPresent("mvpUserId", Optional.ofNullable(mvpUserId))
                    .queryParamIfPresent("cursor", Optional.ofNullable(atCursor))
                    .encode()
                    .build()
                    .toUriString();
        }

        private static String code(String value) {
            return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** A checked query: {@code filter} is null when {@code errors} says why nothing can be asked. */
    record Checked(SyncLog.Filter filter, Optional<SyncLog.Cursor> after, List<String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    /** The panel for a query, from up to {@code pageSize + 1} entries (one more than shown says there are older). */
    static LogPanel of(Query query, Checked checked, List<SyncLogEntry> entries, int pageSize) {
        List<SyncLogEntry> page = entries.size() > pageSize ? entries.subList(0, pageSize) : entries;
        String older = entries.size() > pageSize ? query.url(LogCursor.encode(page.get(page.size() - 1))) : null;
        String newest = query.cursor() != null ? query.url(null) : null;
        return new LogPanel(
                query,
                checked.errors(),
                page.stream().map(LogRow::of).toList(),
                query.url(query.cursor()),
                older,
                newest);
    }

    public List<String> statuses() {
        return SyncLog.STATUSES;
    }

    public List<String> operations() {
        return SyncLog.OPERATIONS;
    }
}
