package io.subsync.sync.drift.cli;

import io.subsync.access.Provenance;
import io.subsync.commandline.SpringArguments;
import io.subsync.sync.InvalidSyncRequest;
import io.subsync.sync.NotDiverged;
import io.subsync.sync.UnknownSync;
import io.subsync.sync.drift.ReconcileWithMaster;
import io.subsync.sync.drift.ReconciliationReport;
import io.subsync.sync.drift.ResolveDivergence;
import io.subsync.sync.drift.domain.UnresolvableDivergence;
import io.subsync.sync.inbound.AcceptMasterState;
import io.subsync.sync.inbound.KeptSide;
import io.subsync.sync.outbound.MasterUnavailable;
import io.subsync.tenancy.ReconcileSubscriptions;
import io.subsync.tenancy.ReconcileTotals;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code subsync reconcile}: creates every missing subscription of every tenant, in one set-based pass; with
 * {@code --master}, reconciles the sync state with Master (drift), or resolves one divergence.
 */
@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = {
            "Creates missing tenant subscriptions, or reconciles with Master (--master).",
            "Without --master: gives every enabled product of every tenant its one active subscription (and every",
            "tenant its platform subscription), in set-based chunks of 10,000 tenants that each commit, and prints",
            "what it created and skipped; on a terminal it shows its progress (tenants so far, rate, time left).",
            "With --master: reads Master's subscriptions of every linked account (or --user), compares them with",
            "what Master last confirmed, prints the differences, and acts as SUBSYNC_DRIFT_POLICY says (manual:",
            "mark diverged; mvp-wins: send the MVP's state again; master-wins: take Master's). --dry-run only reports.",
            "--resolve <mvpUserId> --service <name> --keep mvp|master resolves one divergence.",
            "Uses SUBSYNC_DB_URL (or the embedded database under ./data), MASTER_API_URL and MASTER_API_KEY."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done; with --master: no drift found, or the divergence resolved",
            "1:with --master: Master could not be read for some account, or an action failed",
            "2:bad arguments",
            "3:with --master: drift found (and acted on, unless --dry-run)",
            "4:with --master: another instance is reconciling now; nothing done",
            "5:with --resolve: nothing to resolve (unknown, not diverged, or not possible as asked)"
        })
public class ReconcileCommand implements Callable<Integer> {
    static final int DRIFT_FOUND = 3;
    static final int LOCKED = 4;
    static final int NOTHING_TO_RESOLVE = 5;

    @CommandLine.Mixin
    SpringArguments spring;

    @CommandLine.Option(
            names = "--verbose",
            description = "list every subscription created (tenants), or every compared one (--master)")
    boolean verbose;

    @CommandLine.Option(
            names = "--master",
            description = "reconcile the sync state with Master instead of tenants' subscriptions")
    boolean master;

    @CommandLine.Option(names = "--dry-run", description = "with --master: report the differences, change nothing")
    boolean dryRun;

    @CommandLine.Option(names = "--user", paramLabel = "<mvpUserId>", description = "with --master: only this MVP user")
    UUID user;

    @CommandLine.Option(
            names = "--resolve",
            paramLabel = "<mvpUserId>",
            description = "with --master: resolve this user's divergence")
    UUID resolve;

    @CommandLine.Option(
            names = "--service",
            paramLabel = "<name>",
            description = "with --resolve: the diverged service")
    String service;

    @CommandLine.Option(names = "--keep", paramLabel = "mvp|master", description = "with --resolve: the side to keep")
    String keep;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!master) {
            if (dryRun || user != null || resolve != null || service != null || keep != null) {
                err.println("--dry-run, --user, --resolve, --service and --keep need --master");
                return 2;
            }
            return tenants(out);
        }
        if (resolve != null) {
            return resolve(out, err);
        }
        if (service != null || keep != null) {
            err.println("--service and --keep go with --resolve <mvpUserId>");
            return 2;
        }
        try (ConfigurableApplicationContext context = spring.tool(Map.of())) {
            ReconciliationReport report;
            try {
                report = context.getBean(ReconcileWithMaster.class)
                        .reconcile(Optional.ofNullable(user), dryRun, "cli:reconcile");
            } catch (UnknownSync | MasterUnavailable e) {
                err.println(e.getMessage());
                return e instanceof UnknownSync ? 2 : 1;
            }
            DriftTable.print(report, verbose, out);
            out.flush();
            if (!report.ran()) {
                return LOCKED;
            }
            if (!report.failures().isEmpty()) {
                return 1;
            }
            return report.drifted().isEmpty() ? 0 : DRIFT_FOUND;
        }
    }

    private int resolve(PrintWriter out, PrintWriter err) {
        UUID mvpUser = resolve;
        if (service == null || service.isBlank()) {
            err.println("--service is required with --resolve: the diverged service");
            return 2;
        }
        KeptSide side;
        try {
            side = KeptSide.parse(keep);
        } catch (InvalidSyncRequest e) {
            err.println("--keep " + e.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext context = spring.tool(Map.of())) {
            AcceptMasterState.Outcome outcome = context.getBean(ResolveDivergence.class)
                    .resolve(mvpUser, service.trim(), side, Provenance.of("cli:reconcile"));
            out.printf(
                    "Resolved %s / %s: kept %s (%s)%s%n",
                    mvpUser,
                    service.trim(),
                    side.code(),
                    outcome.detail(),
                    outcome.syncId().map(id -> "; sync id " + id).orElse(""));
            out.flush();
            return 0;
        } catch (UnknownSync | NotDiverged | UnresolvableDivergence e) {
            err.println(e.getMessage());
            return NOTHING_TO_RESOLVE;
        }
    }

    private int tenants(PrintWriter out) {
        try (ConfigurableApplicationContext context = spring.tool(Map.of())) {
            long started = System.nanoTime();
            ReconcileProgress progress = ReconcileProgress.onTerminal(System.console(), started);
            ReconcileTotals totals = context.getBean(ReconcileSubscriptions.class)
                    .allTenants("cli:reconcile", verbose, step -> {
                        if (verbose) {
                            step.chunk()
                                    .created()
                                    .forEach(c -> out.printf(
                                            "  created %s %s %s for tenant %s (%s)%n",
                                            c.subscriptionId(),
                                            c.productType(),
                                            c.tier(),
                                            c.tenantId(),
                                            c.createdReason()));
                        }
                        progress.show(step.soFar());
                    });
            progress.done();
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.printf(
                    "Created %d subscription(s) in %d ms (%d by tier fallback); skipped %d enabled product(s) with no usable plan.%n",
                    totals.created(), millis, totals.fallbacks(), totals.skippedCount());
            totals.createdBy()
                    .forEach((kind, count) ->
                            out.printf("  %-40s %d%n", kind.productType() + " (" + kind.createdReason() + ")", count));
            totals.skipped()
                    .forEach(s -> out.printf(
                            "  skipped tenant %s product %s: no active %s or starter plan%n",
                            s.tenantId(), s.productType(), s.tenantTier()));
            if (totals.skippedCount() > totals.skipped().size()) {
                out.printf(
                        "  … and %d more skipped%n",
                        totals.skippedCount() - totals.skipped().size());
            }
            out.flush();
            return 0;
        }
    }
}
