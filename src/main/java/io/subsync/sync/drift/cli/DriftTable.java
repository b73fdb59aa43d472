package io.subsync.sync.drift.cli;

import io.subsync.sync.drift.ReconciliationReport;
import io.subsync.sync.drift.domain.DriftAction;
import java.io.PrintWriter;

/** A reconciliation report as a table: one row per (user, service) that differs (every one with --verbose). */
final class DriftTable {
    private static final String ROW = "%-36s  %-24s  %-28s  %s%n";

    private DriftTable() {}

    static void print(ReconciliationReport report, boolean verbose, PrintWriter out) {
        if (!report.ran()) {
            out.println("Another instance is reconciling with Master now; nothing was done.");
            return;
        }
        out.printf(
                "Reconciled %d linked account(s) with Master (policy %s%s): %d subscription(s) compared, %d differ.%n",
                report.accounts(),
                report.policy().code(),
                report.dryRun() ? ", dry run: nothing changed" : "",
                report.compared(),
                report.drifted().size());
        boolean header = false;
        for (ReconciliationReport.Line line : report.lines()) {
            if (!verbose && line.action() == DriftAction.NONE) {
                continue;
            }
            if (!header) {
                out.printf(ROW, "MVP USER", "SERVICE", "ACTION", "DIFFERENCES (confirmed → Master)");
                header = true;
            }
            String action = line.action().describe(report.dryRun())
                    + line.syncId()
                            .map(id -> " " + id.toString().substring(0, 8))
                            .orElse("")
                    + line.error().map(e -> " FAILED").orElse("");
            out.printf(
                    ROW,
                    line.mvpUserId(),
                    line.comparison().serviceName(),
                    action,
                    line.comparison().differences().isEmpty()
                            ? "—"
                            : line.comparison().summary());
        }
        for (ReconciliationReport.Failure failure : report.failures()) {
            out.printf(
                    "  failed: user %s%s: %s%n",
                    failure.mvpUserId(),
                    failure.serviceName() == null ? "" : " service " + failure.serviceName(),
                    failure.error());
        }
    }
}
