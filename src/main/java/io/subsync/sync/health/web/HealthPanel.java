package io.subsync.sync.health.web;

import io.subsync.sync.health.SyncHealthFigures;
import io.subsync.sync.health.domain.LatencyHistogram;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin page's sync health, ready to print: the figures of {@link SyncHealthFigures} as tiles (the text shown,
 * and the raw value under the API's field name for machines and tests), the accounts by status and the delivery
 * latency histogram as chart data.
 */
record HealthPanel(boolean masterConfigured, List<TileGroup> groups, Chart statusChart, Chart latencyChart) {
    private static final List<String> STATUS_COLOURS = List.of("#10b981", "#0ea5e9", "#ef4444", "#8b5cf6");

    /**
     * One figure: {@code figure} is its field in {@code GET /api/sync/health}, {@code raw} its value there (null when
     * there is none, e.g. no latency without deliveries; the tile then has no {@code data-value}).
     */
    record Tile(String figure, String label, String value, String raw, String tone) {}

    record TileGroup(String title, List<Tile> tiles) {}

    /** A chart's data as JSON arrays for the canvas's data attributes; {@code empty} when there is nothing to draw. */
    record Chart(String labels, String values, String colours, boolean empty) {
        static Chart of(JsonMapper json, List<String> labels, List<Long> values, List<String> colours) {
            return new Chart(
                    json.writeValueAsString(labels),
                    json.writeValueAsString(values),
                    json.writeValueAsString(colours),
                    values.stream().allMatch(v -> v == 0));
        }
    }

    static HealthPanel of(JsonMapper json, SyncHealthFigures f, LatencyHistogram latency) {
        List<TileGroup> groups = List.of(
                new TileGroup(
                        "Accounts",
                        List.of(
                                count("totalAccounts", "accounts", f.totalAccounts(), ""),
                                count("syncedAccounts", "synced", f.syncedAccounts(), ""),
                                count("pendingAccounts", "pending", f.pendingAccounts(), ""),
                                count(
                                        "failedAccounts",
                                        "failed",
                                        f.failedAccounts(),
                                        f.failedAccounts() > 0 ? "bad" : ""),
                                count(
                                        "divergedAccounts",
                                        "diverged",
                                        f.divergedAccounts(),
                                        f.divergedAccounts() > 0 ? "warn" : ""),
                                count("accountsWithErrors", "with a last error", f.accountsWithErrors(), ""))),
                new TileGroup(
                        "Last 24 hours",
                        List.of(
                                count("syncedLast24h", "accounts synced", f.syncedLast24h(), ""),
                                count(
                                        "errorsLast24h",
                                        "failed attempts",
                                        f.errorsLast24h(),
                                        f.errorsLast24h() > 0 ? "warn" : ""),
                                new Tile(
                                        "avgSecondsSinceLastSync",
                                        "average time since last sync",
                                        seconds(f.avgSecondsSinceLastSync()),
                                        raw(f.avgSecondsSinceLastSync()),
                                        ""))),
                new TileGroup(
                        "Outbox",
                        List.of(
                                count("backlog", "to deliver (backlog)", f.backlog(), ""),
                                count("waitingForLink", "waiting for an account link", f.waitingForLink(), ""),
                                count(
                                        "failedOperations",
                                        "failed operations",
                                        f.failedOperations(),
                                        f.failedOperations() > 0 ? "bad" : ""),
                                new Tile(
                                        "oldestPendingAgeSeconds",
                                        "oldest pending",
                                        seconds(f.oldestPendingAgeSeconds()),
                                        raw(f.oldestPendingAgeSeconds()),
                                        ""))),
                new TileGroup(
                        "Delivery, last hour",
                        List.of(
                                count("deliveredLastHour", "delivered", f.deliveredLastHour(), ""),
                                new Tile(
                                        "deliveryLatencyAvgMs",
                                        "average latency",
                                        millis(f.deliveryLatencyAvgMs()),
                                        raw(f.deliveryLatencyAvgMs()),
                                        ""),
                                new Tile(
                                        "deliveryLatencyP95Ms",
                                        "p95 latency",
                                        millis(f.deliveryLatencyP95Ms()),
                                        raw(f.deliveryLatencyP95Ms()),
                                        ""))));
        Chart status = Chart.of(
                json,
                List.of("synced", "pending", "failed", "diverged"),
                List.of(f.syncedAccounts(), f.pendingAccounts(), f.failedAccounts(), f.divergedAccounts()),
                STATUS_COLOURS);
        Chart histogram = Chart.of(
                json,
                latency.buckets().stream().map(LatencyHistogram.Bucket::label).toList(),
                latency.buckets().stream().map(LatencyHistogram.Bucket::count).toList(),
                List.of("#4f46e5"));
        return new HealthPanel(f.masterConfigured(), groups, status, histogram);
    }

    private static Tile count(String figure, String label, long value, String tone) {
        return new Tile(
                figure, label, NumberFormat.getIntegerInstance(Locale.US).format(value), Long.toString(value), tone);
    }

    private static String raw(Double value) {
        return value == null ? null : value.toString();
    }

    /** e.g. {@code 12.3 s}, {@code 4 min 12 s}, {@code 2 h 5 min}, {@code 3 d 4 h}; a dash when there is none. */
    static String seconds(Double value) {
        if (value == null) {
            return "—";
        }
        if (value < 60) {
            return String.format(Locale.US, "%.1f s", value);
        }
        long s = Math.round(value);
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }

    /** e.g. {@code 12.3 ms}, {@code 1.25 s}; a dash when there is none. */
    static String millis(Double value) {
        if (value == null) {
            return "—";
        }
        return value < 1000
                ? String.format(Locale.US, "%.1f ms", value)
                : String.format(Locale.US, "%.2f s", value / 1000);
    }
}
