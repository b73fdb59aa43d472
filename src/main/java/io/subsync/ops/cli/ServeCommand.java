package io.subsync.ops.cli;

import io.subsync.commandline.SpringArguments;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code subsync serve}: the service (REST API, pages, workers) for production use. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the service (API, pages, delivery workers).",
            "Needs SUBSYNC_JWT_SECRET (or SUBSYNC_JWKS_URL); uses SUBSYNC_DB_URL,",
            "or an embedded PostgreSQL whose data lives under ./data. Other --spring.* arguments pass through."
        })
public class ServeCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--port", description = "HTTP port (default: PORT, else 8080)")
    Integer port;

    @CommandLine.Mixin
    SpringArguments spring;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (blank(System.getenv("SUBSYNC_JWT_SECRET"))
                && blank(System.getenv("SUBSYNC_JWKS_URL"))
                && blank(System.getProperty("subsync.auth.jwt-secret"))) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "SUBSYNC_JWT_SECRET is not set (nor SUBSYNC_JWKS_URL): the service "
                                    + "cannot check tokens. Set it to your JWT secret (at least 32 bytes), or try `subsync demo`.");
            return 2;
        }
        Map<String, Object> properties = new HashMap<>();
        if (port != null) {
            properties.put("server.port", port);
        }
        spring.web(properties);
        return 0;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
