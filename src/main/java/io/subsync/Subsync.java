package io.subsync;

import io.subsync.access.cli.TokenCommand;
import io.subsync.commandline.BadArguments;
import io.subsync.commandline.CommandFailures;
import io.subsync.commandline.CommonPool;
import io.subsync.commandline.Server;
import io.subsync.commandline.UuidConverter;
import io.subsync.mastersim.cli.MasterSimCommand;
import io.subsync.ops.cli.DemoCommand;
import io.subsync.ops.cli.InitCommand;
import io.subsync.ops.cli.ServeCommand;
import io.subsync.sync.drift.cli.ReconcileCommand;
import io.subsync.sync.health.cli.MonitorCommand;
import io.subsync.sync.outbound.cli.RetryCommand;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code subsync} command line: one executable jar for the service, the demo and the operator's tools. */
@Command(
        name = "subsync",
        mixinStandardHelpOptions = true,
        versionProvider = Subsync.Version.class,
        description = "Subscription backend of a multi-product SaaS, kept in step with the Master system.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            InitCommand.class,
            TokenCommand.class,
            ReconcileCommand.class,
            RetryCommand.class,
            MonitorCommand.class,
            MasterSimCommand.class,
            CommandLine.HelpCommand.class
        })
public class Subsync implements Runnable {
    static {
        // First: the common pool is sized when first used, and the HTTP client uses it (CommonPool).
        CommonPool.atLeastTwoThreads();
        // The root knows the commands and the application, and nothing depends on it; so it names the application to
        // Server here rather than Server naming it (a cycle). A static initialiser runs once, before main or a test
        // uses the command line, which a call in main would miss; a picocli IFactory handing every command its Server
        // would do the same with a factory to pass around.
        Server.application(SubsyncApplication.class);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (!Server.running()) {
            System.exit(code);
        }
    }

    /** The command line with every command, as {@code main} runs it. */
    static CommandLine commandLine() {
        return new CommandLine(new Subsync())
                .registerConverter(UUID.class, new UuidConverter())
                .setParameterExceptionHandler(new BadArguments())
                .setExecutionExceptionHandler(new CommandFailures());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Subsync.class.getPackage().getImplementationVersion();
            return new String[] {"subsync " + (version == null ? "development build" : version)};
        }
    }
}
