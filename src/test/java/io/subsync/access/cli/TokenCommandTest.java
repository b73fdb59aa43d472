package io.subsync.access.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Tokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code subsync token --tenant-role admin}: a token of a tenant's admin, shaped as a Supabase hook shapes it. */
class TokenCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new TokenCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void mintsATenantAdminsTokenWithTenantRoleAtTopLevelAndInAppMetadata() {
        UUID tenant = UUID.randomUUID();

        assertThat(run("--tenant", tenant.toString(), "--tenant-role", "admin", "--secret", Tokens.SECRET))
                .as(err.toString())
                .isZero();

        String token = out.toString().trim();
        JsonNode claims = JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.get("tenant_role").asString()).isEqualTo("admin");
        assertThat(claims.get("app_metadata").get("tenant_role").asString()).isEqualTo("admin");
        assertThat(claims.get("app_metadata").get("tenant_id").asString()).isEqualTo(tenant.toString());
        assertThat(claims.get("role").asString()).isEqualTo("authenticated");
    }

    @Test
    void refusesAnotherTenantRoleAndATenantRoleWithoutTenant() {
        assertThat(run("--tenant", UUID.randomUUID().toString(), "--tenant-role", "owner", "--secret", Tokens.SECRET))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--tenant-role must be admin, was 'owner'");

        assertThat(run("--tenant-role", "admin", "--secret", Tokens.SECRET)).isEqualTo(2);
        assertThat(err.toString()).contains("--tenant-role needs --tenant");
        assertThat(out.toString()).isEmpty();
    }
}
