package io.subsync.ops.cli;

import io.subsync.access.Caller;
import io.subsync.access.Role;
import io.subsync.access.TokenMinter;
import io.subsync.commandline.RunningDemo;
import io.subsync.commandline.SpringArguments;
import io.subsync.linking.AccountLink;
import io.subsync.linking.AccountLinks;
import io.subsync.mastersim.MasterSimulator;
import io.subsync.mastersim.StateFileUnreadable;
import io.subsync.ops.DemoTenants;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code subsync demo}: the service on an embedded PostgreSQL with sample tenants, and tokens to try it with. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a ready-to-try demo with sample data and tokens.",
            "Runs the service on the embedded PostgreSQL (data under ./data) with a Master simulator it starts",
            "(unless MASTER_API_URL is set), loads mappings and sample tenants, and prints the URLs and",
            "ready-made tokens. Needs no configuration."
        })
public class DemoCommand implements Callable<Integer> {
    static final String DEMO_MASTER_KEY = "demo-master-key";
    static final String DEMO_WEBHOOK_SECRET = "demo-master-webhook-secret";
    /** Where the demo's Master simulator keeps its state, in the data directory: the two survive a restart together. */
    static final Path MASTER_STATE = Path.of("master-sim", "state.json");

    @CommandLine.Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @CommandLine.Option(
            names = "--master-port",
            defaultValue = "8081",
            description =
                    "port of the Master simulator the demo starts, unless MASTER_API_URL is set (default: ${DEFAULT-VALUE})")
    int masterPort;

    @CommandLine.Mixin
    SpringArguments spring;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String secret = System.getenv("SUBSYNC_JWT_SECRET");
        if (secret == null || secret.isBlank()) {
            secret = demoSecret();
            System.setProperty("subsync.auth.jwt-secret", secret);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("subsync.db.url", "");
        Path dataDir = RunningDemo.dataDirectory();
        String masterUrl = System.getenv("MASTER_API_URL");
        MasterSimulator simulator = null;
        if (masterUrl == null || masterUrl.isBlank()) {
            try {
                simulator = MasterSimulator.start(MasterSimulator.Options.defaults()
                        .withHost("127.0.0.1")
                        .withPort(masterPort)
                        .withApiKey(DEMO_MASTER_KEY)
                        .withWebhook("http://127.0.0.1:" + port + "/webhooks/master", DEMO_WEBHOOK_SECRET)
                        .withStateFile(dataDir.resolve(MASTER_STATE)));
            } catch (IOException e) {
                spec.commandLine()
                        .getErr()
                        .println("Could not start the Master simulator on port " + masterPort + ": " + e.getMessage()
                                + " (choose another with --master-port)");
                return 1;
            } catch (StateFileUnreadable e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            properties.put("subsync.sync.master-api-url", simulator.baseUrl());
            properties.put("subsync.sync.master-api-key", DEMO_MASTER_KEY);
            properties.put("subsync.sync.master-webhook-secret", DEMO_WEBHOOK_SECRET);
        }
        ConfigurableApplicationContext context;
        try {
            context = spring.web(properties);
        } catch (RuntimeException e) {
            // Reported by the command line (one line; a refused setting exits 2).
            if (simulator != null) {
                simulator.close();
            }
            throw e;
        }
        announce(context, dataDir, Optional.ofNullable(simulator).map(MasterSimulator::baseUrl));
        List<DemoTenants.Sample> samples = context.getBean(DemoTenants.class).load();
        AccountLinks links = context.getBean(AccountLinks.class);
        print(
                spec.commandLine().getOut(),
                new TokenMinter(secret),
                samples,
                sample -> links.find(sample.ownerUserId()).flatMap(AccountLink::masterUserId),
                masterUrl,
                Optional.ofNullable(simulator).map(MasterSimulator::baseUrl),
                dataDir);
        return 0;
    }

    /**
     * Writes {@code demo.properties} into the data directory, so commands from another terminal find this demo's
     * Master (and, for psql, its database); removed when the demo stops.
     */
    private void announce(ConfigurableApplicationContext context, Path dataDir, Optional<String> simulator) {
        String databaseUrl;
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            databaseUrl = connection.getMetaData().getURL();
        } catch (SQLException e) {
            databaseUrl = null;
        }
        RunningDemo demo = RunningDemo.thisProcess(
                "http://localhost:" + port,
                simulator.orElse(null),
                simulator.map(url -> DEMO_MASTER_KEY).orElse(null),
                simulator.map(url -> DEMO_WEBHOOK_SECRET).orElse(null),
                databaseUrl);
        demo.write(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> demo.remove(dataDir), "demo-properties-removal"));
    }

    /** Ready-made calls for the loop with Master: a magic link, a change made at Master, a reconciliation. */
    private static void printTryIt(
            PrintWriter out,
            String base,
            String admin,
            DemoTenants.Sample linked,
            DemoTenants.Sample unlinked,
            boolean linkedAlready,
            String master,
            String otherTerminal) {
        String json = "-H 'Content-Type: application/json'";
        out.println();
        out.println("Try the loop with Master:");
        out.println("  1. A magic link for " + unlinked.name() + "'s owner (a user may also ask for their own),");
        if (linkedAlready) {
            out.println("     who is linked already (an earlier run did this step): running it again answers");
            out.println(
                    "     \"linked\":true, \"newlyLinked\":false and changes nothing. The link, kept in LINK (bash):");
        } else {
            out.println("     kept in LINK (bash):");
        }
        out.println("     LINK=$(curl -s -X POST " + json + " -H 'Authorization: Bearer " + admin + "' \\");
        out.println("          -d '{\"mvpUserId\":\"" + unlinked.ownerUserId() + "\"}' " + base
                + "/api/account-links | sed -E 's/.*\"token\":\"([^\"]+)\".*/\\1/'); echo \"$LINK\"");
        out.println("     Master uses it with its key (the account is linked, its subscriptions are pushed):");
        out.println("     curl -X POST " + json + " -H 'X-Master-Key: " + DEMO_MASTER_KEY + "' \\");
        out.println("          -d '{\"token\":\"'\"$LINK\"'\",\"masterUserId\":\"" + unlinked.masterUserId()
                + "\",\"masterEmail\":\"" + unlinked.email() + "\"}' " + base + "/api/account-links/validate");
        out.println("  2. Master cancels " + linked.name() + "'s platform plan and sends a signed webhook:");
        out.println("     curl -X POST " + json + " -H 'Authorization: Bearer " + DEMO_MASTER_KEY + "' \\");
        out.println("          -d '{\"userId\":\"" + linked.masterUserId()
                + "\",\"serviceId\":\"mvp-platform\",\"type\":\"cancel\"}' " + master + "/admin/changes");
        out.println("     then see it in the audit log (source master): " + base + "/admin");
        out.println("     and on " + linked.name() + "'s page (its sign-in link above): the platform plan is under");
        out.println("     \"Cancelled in Master\", and GET /api/tenants/current/subscriptions no longer lists it");
        out.println("  3. Compare everything with Master, from another terminal (it finds the demo's database and");
        out.println("     Master through " + RunningDemo.FILE + " in the data directory; no settings needed):");
        out.println("     " + otherTerminal + "./subsync reconcile --master --dry-run");
    }

    private static String demoSecret() throws IOException {
        if (Files.exists(TokenMinter.demoSecret())) {
            return Files.readString(TokenMinter.demoSecret()).trim();
        }
        String secret = TokenMinter.randomSecret();
        Files.createDirectories(TokenMinter.demoSecret().getParent());
        Files.writeString(TokenMinter.demoSecret(), secret + "\n");
        return secret;
    }

    /** {@code simulator}: the base URL of the demo's own Master simulator, when it runs one (else Master is {@code masterUrl}). */
    private void print(
            PrintWriter out,
            TokenMinter minter,
            List<DemoTenants.Sample> samples,
            Function<DemoTenants.Sample, Optional<UUID>> linkedTo,
            String masterUrl,
            Optional<String> simulator,
            Path dataDir) {
        String master = simulator
                .map(url -> url + "  (the Master simulator; admin: " + url
                        + "/admin/stats, PUT /admin/faults, POST /admin/changes, Bearer " + DEMO_MASTER_KEY + ")")
                .orElse(masterUrl);
        String base = "http://localhost:" + port;
        Instant now = Instant.now();
        Duration day = Duration.ofDays(1);
        out.println();
        out.println("Subsync demo is running.");
        out.println("  API docs:   " + base + "/swagger-ui.html   (OpenAPI: " + base + "/v3/api-docs)");
        out.println("  Health:     " + base + "/actuator/health");
        out.println("  Pages:      " + base + "/login?token=<a token below> (sign-in links below)");
        out.println("  Master:     " + master);
        out.println();
        String admin = minter.mint("demo-admin", Role.SERVICE_ROLE, null, "admin@demo.subsync", now, day);
        out.println("service_role token (valid 24 h):");
        out.println("  " + admin);
        out.println("  sign in (the admin page): " + base + "/login?token=" + admin);
        for (DemoTenants.Sample sample : samples) {
            String token = minter.mint(
                    sample.ownerUserId().toString(), Role.AUTHENTICATED, sample.tenantId(), sample.email(), now, day);
            out.println();
            out.println(sample.name() + " (" + sample.description() + ") owner " + sample.ownerUserId()
                    + linkedTo.apply(sample)
                            .map(account -> ", linked to Master account " + account)
                            .orElse(", not linked")
                    + ":");
            out.println("  " + token);
            out.println("  sign in (the tenant's page): " + base + "/login?token=" + token);
            String tenantAdmin = minter.mint(
                    sample.ownerUserId().toString(),
                    Role.AUTHENTICATED,
                    sample.tenantId(),
                    Caller.TENANT_ADMIN,
                    sample.email(),
                    now,
                    day);
            out.println(
                    "  sign in (as its admin, who changes plan and products): " + base + "/login?token=" + tenantAdmin);
            out.println(
                    "  curl -H 'Authorization: Bearer " + token + "' " + base + "/api/tenants/current/subscriptions");
        }
        String otherTerminal =
                System.getenv("SUBSYNC_DATA_DIR") == null ? "" : "SUBSYNC_DATA_DIR='" + dataDir.toAbsolutePath() + "' ";
        if (simulator.isPresent() && samples.size() > 2) {
            DemoTenants.Sample unlinked = samples.get(2);
            printTryIt(
                    out,
                    base,
                    admin,
                    samples.get(0),
                    unlinked,
                    linkedTo.apply(unlinked).isPresent(),
                    simulator.get(),
                    otherTerminal);
        }
        out.println();
        out.println("More tokens: ./subsync token --role service_role | ./subsync token --tenant <tenant id>"
                + " [--tenant-role admin]");
        out.println("Stop with Ctrl+C; the data stays in "
                + (dataDir.isAbsolute() ? dataDir : "./" + dataDir)
                + (simulator.isPresent() ? " (Master's too, in " + dataDir.resolve(MASTER_STATE) + ")" : "")
                + ".");
        out.flush();
    }
}
