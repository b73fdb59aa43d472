package io.subsync.sync.outbound.cli;

import io.subsync.commandline.SpringArguments;
import io.subsync.sync.outbound.RetryFailedSyncs;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code subsync retry}: puts failed sync operations back in line for delivery. */
@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        description = {
            "Queues failed sync operations for delivery again, from their first attempt: all of them, one sync id, "
                    + "or one user's.",
            "The running service's workers deliver them."
        })
public class RetryCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--sync-id", description = "only this operation")
    UUID syncId;

    @CommandLine.Option(names = "--user", description = "only this MVP user's operations")
    UUID user;

    @CommandLine.Mixin
    SpringArguments spring;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = spring.tool(Map.of())) {
            List<UUID> queued = context.getBean(RetryFailedSyncs.class)
                    .retry(Optional.ofNullable(syncId), Optional.ofNullable(user), "cli:retry");
            out.printf("Queued %d failed operation(s) for delivery again.%n", queued.size());
            queued.forEach(id -> out.println("  " + id));
            out.flush();
            return 0;
        }
    }
}
