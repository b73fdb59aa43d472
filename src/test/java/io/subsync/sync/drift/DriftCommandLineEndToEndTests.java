package io.subsync.sync.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Jar;
import io.subsync.support.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code subsync reconcile --master}, run from the packaged jar. */
class DriftCommandLineEndToEndTests extends DriftedIntegrationTest {

    private static Map<String, String> env() {
        TestDatabase db = TestDatabase.get();
        Map<String, String> env = new HashMap<>();
        env.put("SUBSYNC_DB_URL", db.url());
        if (db.user() != null) {
            env.put("SUBSYNC_DB_USER", db.user());
        }
        env.put("MASTER_API_URL", MASTER.baseUrl());
        env.put("MASTER_API_KEY", MASTER_KEY);
        return env;
    }

    private String accountRow(UUID user) {
        return jdbc.sql("SELECT row_to_json(a)::text FROM subsync.account_sync a WHERE mvp_user_id = :u")
                .param("u", user)
                .query(String.class)
                .single();
    }

    @Test
    void aDryRunPrintsTheDifferenceAndChangesNothingThenAnOperatorResolvesIt() {
        UUID user = drifted();
        String before = accountRow(user);

        Jar.Run dry = Jar.run(env(), "reconcile", "--master", "--dry-run", "--user", user.toString());

        assertThat(dry.exitCode()).as(dry.out()).isEqualTo(3);
        assertThat(dry.out())
                .contains(
                        "dry run: nothing changed",
                        user.toString(),
                        "bazi-consultation",
                        "would mark diverged",
                        "status: active → cancelled");
        assertThat(accountRow(user)).isEqualTo(before);

        Jar.Run marked = Jar.run(env(), "reconcile", "--master", "--user", user.toString());
        assertThat(marked.exitCode()).as(marked.out()).isEqualTo(3);
        assertThat(marked.out()).contains("marked diverged");
        assertThat(accountStatus(user)).isEqualTo("diverged");

        Jar.Run resolved = Jar.run(
                env(),
                "reconcile",
                "--master",
                "--resolve",
                user.toString(),
                "--service",
                "bazi-consultation",
                "--keep",
                "master");
        assertThat(resolved.exitCode()).as(resolved.out()).isZero();
        assertThat(resolved.out()).contains("Resolved " + user);
        assertThat(accountStatus(user)).isNotEqualTo("diverged");

        Jar.Run again = Jar.run(
                env(),
                "reconcile",
                "--master",
                "--resolve",
                user.toString(),
                "--service",
                "bazi-consultation",
                "--keep",
                "master");
        assertThat(again.exitCode()).as(again.out()).isEqualTo(5);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThat(Jar.run(env(), "reconcile", "--master", "--user", "bob")).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).contains("--user: not a UUID: 'bob'");
        });
        assertThat(Jar.run(
                        env(),
                        "reconcile",
                        "--master",
                        "--resolve",
                        UUID.randomUUID().toString(),
                        "--service",
                        "x",
                        "--keep",
                        "both"))
                .satisfies(run -> {
                    assertThat(run.exitCode()).isEqualTo(2);
                    assertThat(run.out()).contains("--keep must be mvp or master");
                });
        assertThat(Jar.run(env(), "reconcile", "--dry-run").exitCode()).isEqualTo(2);
    }
}
