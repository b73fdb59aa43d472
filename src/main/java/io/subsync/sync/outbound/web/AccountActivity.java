package io.subsync.sync.outbound.web;

import io.subsync.audit.SyncLogEntry;
import io.subsync.http.PageTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One audit entry as the user's own sync page prints it: when, what changed in a few words ("pawnshop: starter →
 * pro"), the operation, which side it came from, the status, and the error (or note) in plain words.
 */
record AccountActivity(
        long id,
        String when,
        String summary,
        String operation,
        String source,
        String status,
        String error,
        String note) {

    /**
     * The rows of a page of entries, newest first. A plan change is told from the service's previous operation among
     * {@code entries}, which may hold one entry more than the page shows (the one that says there are older); an entry
     * whose previous operation is on an older page shows its plan alone.
     */
    static List<AccountActivity> of(List<SyncLogEntry> entries, int shown) {
        List<AccountActivity> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(shown, entries.size()); i++) {
            SyncLogEntry entry = entries.get(i);
            rows.add(new AccountActivity(
                    entry.id(),
                    PageTexts.when(entry.createdAt()),
                    summary(entry, entries.subList(i + 1, entries.size())),
                    entry.operation(),
                    "master".equals(entry.source()) ? "Master" : "MVP",
                    entry.status(),
                    "failed".equals(entry.status()) ? PlainWords.error(entry.error()) : null,
                    "failed".equals(entry.status()) ? null : entry.error()));
        }
        return List.copyOf(rows);
    }

    private static String summary(SyncLogEntry entry, List<SyncLogEntry> older) {
        switch (entry.operation()) {
            case "link":
                return "Linked to Master account " + account(entry, "masterEmail");
            case "unlink":
                return "Unlinked from Master account " + account(entry, "previousMasterEmail");
            default:
                break;
        }
        if (entry.serviceName() == null) {
            return entry.operation();
        }
        String plan = plan(entry);
        if (plan == null) {
            return entry.serviceName();
        }
        // The plan before is that of the service's previous operation: entries of the same operation (queued, then
        // delivered) share its sync id and its plan.
        String before = older.stream()
                .filter(e -> entry.serviceName().equals(e.serviceName()))
                .filter(e -> entry.syncId() == null || !entry.syncId().equals(e.syncId()))
                .map(AccountActivity::plan)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        String plans = before == null || before.equalsIgnoreCase(plan) ? plan : before + " → " + plan;
        String status = value(entry, "status");
        return entry.serviceName() + ": " + plans
                + (status == null || status.equals("active") ? "" : " (" + status + ")");
    }

    /** The plan an entry names: the MVP's plan code, else Master's tier. */
    private static String plan(SyncLogEntry entry) {
        String code = text(entry.mvpData(), "planCode");
        return code != null ? code : text(entry.masterData(), "planTier");
    }

    private static String value(SyncLogEntry entry, String field) {
        String mvp = text(entry.mvpData(), field);
        return mvp != null ? mvp : text(entry.masterData(), field);
    }

    private static String account(SyncLogEntry entry, String emailField) {
        String email = text(entry.mvpData(), emailField);
        if (email != null) {
            return email;
        }
        return entry.masterUserId() == null ? "" : PageTexts.shortId(entry.masterUserId());
    }

    private static String text(Map<String, Object> data, String field) {
        if (data == null || !(data.get(field) instanceof String text) || text.isBlank()) {
            return null;
        }
        return text;
    }
}
