package io.subsync.sync.health.cli;

import io.subsync.commandline.PositiveDurationConverter;
import io.subsync.commandline.SpringArguments;
import io.subsync.sync.health.SyncHealth;
import io.subsync.sync.health.SyncHealthFigures;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tools.jackson.databind.json.JsonMapper;

/** {@code subsync monitor}: the sync health dashboard in the terminal. */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the sync health dashboard in the terminal.",
            "Shows the sync health figures (the same as GET /api/sync/health and the admin page):",
            "accounts by status, syncs and errors in the last 24 hours, outbox backlog and delivery latency."
        })
public class MonitorCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--watch", description = "refresh every --interval until interrupted")
    boolean watch;

    @CommandLine.Option(
            names = "--interval",
            defaultValue = "5s",
            converter = PositiveDurationConverter.class,
            description = "refresh interval with --watch, e.g. 5s or PT5S (default: ${DEFAULT-VALUE})")
    Duration interval;

    @CommandLine.Option(names = "--json", description = "print the figures as JSON")
    boolean json;

    @CommandLine.Mixin
    SpringArguments spring;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = spring.tool(Map.of())) {
            SyncHealth health = context.getBean(SyncHealth.class);
            JsonMapper mapper = context.getBean(JsonMapper.class);
            do {
                SyncHealthFigures figures = health.figures();
                if (json) {
                    out.println(mapper.writeValueAsString(figures));
                } else {
                    if (watch) {
                        out.print("\033[H\033[2J");
                    }
                    print(out, figures);
                }
                out.flush();
                if (watch) {
                    Thread.sleep(interval.toMillis());
                }
            } while (watch);
            return 0;
        }
    }

    private static void print(PrintWriter out, SyncHealthFigures f) {
        out.printf("Subsync sync health at %s%n", Instant.now());
        out.printf(
                "  Master            %s%n",
                f.masterConfigured() ? "configured" : "not configured (operations wait as pending)");
        out.printf(
                "  accounts          %d total: %d synced, %d pending, %d failed, %d diverged%n",
                f.totalAccounts(), f.syncedAccounts(), f.pendingAccounts(), f.failedAccounts(), f.divergedAccounts());
        out.printf(
                "  last 24 hours     %d accounts synced, %d failed attempts%n", f.syncedLast24h(), f.errorsLast24h());
        out.printf(
                "  since last sync   %s%n",
                f.avgSecondsSinceLastSync() == null ? "-" : f.avgSecondsSinceLastSync() + " s on average");
        out.printf(
                "  outbox            %d to deliver, %d waiting for an account link, %d failed%n",
                f.backlog(), f.waitingForLink(), f.failedOperations());
        out.printf(
                "  oldest pending    %s%n",
                f.oldestPendingAgeSeconds() == null ? "-" : f.oldestPendingAgeSeconds() + " s");
        out.printf(
                "  delivery latency  %s (last hour, %d delivered)%n",
                f.deliveryLatencyAvgMs() == null
                        ? "-"
                        : "avg " + f.deliveryLatencyAvgMs() + " ms, p95 " + f.deliveryLatencyP95Ms() + " ms",
                f.deliveredLastHour());
    }
}
