package io.subsync.tenancy.cli;

import io.subsync.Server;
import io.subsync.tenancy.ReconcileSubscriptions;
import io.subsync.tenancy.domain.ReconcileOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code subsync reconcile}: creates every missing subscription of every tenant, in one set-based pass. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Creates every missing tenant subscription in one pass.", "Gives every enabled product of every tenant its one active subscription (and every tenant its",
                "platform subscription), in one pass over the whole table, and prints what it created and skipped.",
                "Uses SUBSYNC_DB_URL, or the embedded database under ./data."})
public class ReconcileCommand implements Callable<Integer> {
    @CommandLine.Unmatched
    List<String> springArgs;

    @CommandLine.Option(names = "--verbose", description = "list every subscription created")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = Server.tool(Map.of(), springArgs)) {
            long started = System.nanoTime();
            ReconcileOutcome outcome = context.getBean(ReconcileSubscriptions.class).allTenants("cli:reconcile");
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.printf("Created %d subscription(s) in %d ms (%d by tier fallback); skipped %d enabled product(s) with no usable plan.%n",
                    outcome.created().size(), millis, outcome.fallbacks(), outcome.skipped().size());
            Map<String, Long> byProduct = outcome.created().stream().collect(Collectors.groupingBy(
                    c -> c.productType() + " (" + c.createdReason() + ")", TreeMap::new, Collectors.counting()));
            byProduct.forEach((product, count) -> out.printf("  %-40s %d%n", product, count));
            if (verbose) {
                outcome.created().forEach(c -> out.printf("  created %s %s %s for tenant %s (%s)%n", c.subscriptionId(),
                        c.productType(), c.tier(), c.tenantId(), c.createdReason()));
            }
            outcome.skipped().forEach(s -> out.printf("  skipped tenant %s product %s: no active %s or starter plan%n",
                    s.tenantId(), s.productType(), s.tenantTier()));
            out.flush();
            return 0;
        }
    }
}
