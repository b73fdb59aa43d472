package io.subsync.access.cli;

import io.subsync.access.AuthProperties;
import io.subsync.access.Caller;
import io.subsync.access.Role;
import io.subsync.access.TokenMinter;
import io.subsync.commandline.PositiveDurationConverter;
import io.subsync.settings.RefusedSetting;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subsync token}: prints a signed JWT for trying the API. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {
            "Mints a JWT for trying the API.",
            "Prints an HS256 JWT shaped like a Supabase token, signed with SUBSYNC_JWT_SECRET",
            "(or, when that is unset, the demo's secret in the data directory: SUBSYNC_DATA_DIR, else ./data)."
        })
public class TokenCommand implements Callable<Integer> {
    /** Where {@code demo} keeps its generated secret, so tokens minted here work against the demo. */
    @Option(
            names = "--role",
            defaultValue = "authenticated",
            description = "authenticated or service_role (default: ${DEFAULT-VALUE})")
    String role;

    @Option(names = "--sub", description = "the user id (a UUID; default: a random one)")
    String subject;

    @Option(names = "--tenant", description = "the tenant id put in tenant_id and app_metadata.tenant_id")
    UUID tenant;

    @Option(
            names = "--tenant-role",
            paramLabel = "ROLE",
            description = {
                "the user's role in the tenant, put in tenant_role and app_metadata.tenant_role;",
                "admin lets the user change the tenant's plan and products (needs --tenant)"
            })
    String tenantRole;

    @Option(names = "--email", description = "the email claim")
    String email;

    @Option(
            names = "--ttl",
            defaultValue = "PT24H",
            converter = PositiveDurationConverter.class,
            description = {
                "how long the token is valid, e.g. 1h or PT1H (default: ${DEFAULT-VALUE});",
                "at most SUBSYNC_JWT_MAX_LIFETIME (7d unless set), the longest the service accepts"
            })
    Duration ttl;

    @Option(names = "--secret", description = "the HS256 secret (default: SUBSYNC_JWT_SECRET, else the demo's)")
    String secret;

    @Option(
            names = "--batch",
            paramLabel = "FILE",
            description = "mint one user token per line of FILE, each line a tenant id; prints one token per line")
    Path batch;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Role parsedRole = Role.fromClaim(role);
        if (parsedRole == null) {
            err.println("--role must be authenticated or service_role, was '" + role + "'");
            return 2;
        }
        if (tenantRole != null && !tenantRole.equals(Caller.TENANT_ADMIN)) {
            err.println("--tenant-role must be " + Caller.TENANT_ADMIN + ", was '" + tenantRole + "'");
            return 2;
        }
        if (tenantRole != null && tenant == null && batch == null) {
            err.println("--tenant-role needs --tenant: a tenant admin is the admin of one tenant");
            return 2;
        }
        Duration validity = ttl;
        Duration longest;
        try {
            longest = AuthProperties.maxLifetime(System.getenv("SUBSYNC_JWT_MAX_LIFETIME"));
        } catch (RefusedSetting e) {
            err.println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("SUBSYNC_JWT_MAX_LIFETIME: must be a positive duration such as 7d or PT1H: " + e.getMessage());
            return 2;
        }
        if (validity.compareTo(longest) > 0) {
            err.println("--ttl must be at most " + AuthProperties.shown(longest)
                    + " (SUBSYNC_JWT_MAX_LIFETIME): the service " + "refuses a token that lives longer, was '"
                    + AuthProperties.shown(ttl) + "'");
            return 2;
        }
        String key = secret != null ? secret : System.getenv("SUBSYNC_JWT_SECRET");
        if ((key == null || key.isBlank()) && Files.exists(TokenMinter.demoSecret())) {
            key = Files.readString(TokenMinter.demoSecret()).trim();
        }
        if (key == null || key.isBlank()) {
            err.println("SUBSYNC_JWT_SECRET is not set (and there is no demo secret in " + TokenMinter.demoSecret()
                    + "): nothing to sign with");
            return 2;
        }
        TokenMinter minter;
        try {
            minter = new TokenMinter(key);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Instant.now();
        if (batch != null) {
            return mintBatch(minter, parsedRole, validity, now, out, err);
        }
        String sub = subject;
        if (sub == null && parsedRole == Role.AUTHENTICATED) {
            sub = UUID.randomUUID().toString();
        } else if (sub != null && parsedRole == Role.AUTHENTICATED && uuid("--sub", sub, err) == null) {
            return 2;
        }
        out.println(minter.mint(sub, parsedRole, tenant, tenantRole, email, now, validity));
        return 0;
    }

    private Integer mintBatch(
            TokenMinter minter, Role parsedRole, Duration validity, Instant now, PrintWriter out, PrintWriter err)
            throws IOException {
        if (!Files.isReadable(batch)) {
            err.println(batch + ": cannot read the file");
            return 2;
        }
        List<String> lines = Files.readAllLines(batch);
        StringBuilder tokens = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            UUID tenantId;
            try {
                tenantId = UUID.fromString(line);
            } catch (IllegalArgumentException e) {
                err.println(batch + ":" + (i + 1) + ": not a tenant id (UUID): '" + line + "'");
                return 2;
            }
            tokens.append(minter.mint(
                            UUID.randomUUID().toString(), parsedRole, tenantId, tenantRole, null, now, validity))
                    .append('\n');
        }
        out.print(tokens);
        out.flush();
        return 0;
    }

    private static UUID uuid(String option, String value, PrintWriter err) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            err.println(option + ": not a UUID: '" + value + "'");
            return null;
        }
    }
}
