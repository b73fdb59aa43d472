package io.subsync.sync.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.mastersim.domain.Faults;
import io.subsync.support.Api;
import io.subsync.support.MasterChanges;
import io.subsync.support.Pages;
import io.subsync.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every divergence is listed with when it was found and, per differing field, both values: the MVP's side
 * ({@code confirmed}: what Master last confirmed, or the MVP's desired change Master has not got) and Master's. Through
 * the API and the admin panel, whether a webhook or a reconciliation found it.
 */
class DivergenceDetailsIntegrationTests extends DriftedIntegrationTest {

    @BeforeEach
    void sendWebhooksHere() {
        MASTER.webhooks("http://127.0.0.1:" + port + "/webhooks/master", WEBHOOK_SECRET);
    }

    @Test
    void aDivergenceAWebhookBroughtListsTheMvpsChangeAndMastersValues() {
        UUID user = UUID.randomUUID();
        UUID atMaster = UUID.randomUUID();
        Api.Response created =
                api.post("/sync-subscription", Tokens.serviceRole(), sync(user, atMaster, "create", "BASIC", 1));
        assertThat(created.status()).as(created.toString()).isIn(200, 202);
        awaitDrained(Duration.ofSeconds(15));
        MASTER.faults(Faults.NONE.withOutage(true));
        Api.Response held =
                api.post("/sync-subscription", Tokens.serviceRole(), sync(user, null, "update", "PREMIUM", 2));
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        Instant before = Instant.now();
        MasterChanges.announced(Map.of("userId", atMaster.toString(), "serviceId", "svc_bazi", "type", "cancel"));
        Instant after = Instant.now();
        MASTER.faults(Faults.NONE);

        JsonNode divergence = onlyDivergenceOf(user);
        assertThat(divergence.get("detectedBy").asString()).isEqualTo("inbound change");
        assertThat(Instant.parse(divergence.get("detectedAt").asString())).isBetween(before, after);
        assertThat(difference(divergence, "status")).isEqualTo("active → cancelled");
        assertThat(difference(divergence, "planCode")).isEqualTo("PREMIUM → BASIC");
        String masterEnd = divergence.get("master").get("endDate").asString();
        assertThat(difference(divergence, "endDate")).isEqualTo("null → " + masterEnd);
        assertThat(divergence.get("confirmed").get("status").asString())
                .as("what Master last confirmed")
                .isEqualTo("active");
        assertThat(divergence.get("confirmed").get("planTier").asString()).isEqualTo("basic");

        assertThat(shownDifferences(user))
                .contains("planCode: PREMIUM → BASIC", "status: active → cancelled", "endDate: (none) → " + masterEnd);
    }

    @Test
    void aDivergenceAReconciliationFoundListsWhatMasterConfirmedAndWhatItHolds() {
        UUID user = drifted();
        Instant before = Instant.now();
        reconcile.reconcile(Optional.of(user), false, "tests");
        Instant after = Instant.now();

        JsonNode divergence = onlyDivergenceOf(user);
        assertThat(divergence.get("detectedBy").asString()).isEqualTo("tests");
        assertThat(Instant.parse(divergence.get("detectedAt").asString())).isBetween(before, after);
        assertThat(difference(divergence, "status")).isEqualTo("active → cancelled");
        assertThat(difference(divergence, "endDate")).isEqualTo("null → 2026-12-01T00:00:00Z");
        assertThat(divergence.get("confirmed").get("status").asString()).isEqualTo("active");
        assertThat(divergence.get("master").get("status").asString()).isEqualTo("cancelled");

        assertThat(shownDifferences(user))
                .contains("status: active → cancelled", "endDate: (none) → 2026-12-01T00:00:00Z");
    }

    private JsonNode onlyDivergenceOf(UUID user) {
        Api.Response listed = api.get("/api/sync/divergences?mvpUserId=" + user, Tokens.serviceRole());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode items = listed.json().get("items");
        assertThat(items).as(listed.toString()).hasSize(1);
        return items.get(0);
    }

    /** A field's difference as {@code confirmed → master} ({@code null} for a missing value). */
    private static String difference(JsonNode divergence, String field) {
        for (JsonNode difference : divergence.get("differences")) {
            if (difference.get("field").asString().equals(field)) {
                return text(difference.get("confirmed")) + " → " + text(difference.get("master"));
            }
        }
        throw new AssertionError("no difference in " + field + ": " + divergence);
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asString();
    }

    /** The panel's "Differences (confirmed → Master)" cell of the user's row, as the admin page loads it. */
    private String shownDifferences(UUID user) {
        Pages.Page fragment = new Pages(port).signedIn("/admin/sync/divergences", Tokens.serviceRole());
        assertThat(fragment.status()).as(fragment.toString()).isEqualTo(200);
        Matcher row = Pattern.compile(
                        "data-mvp-user-id=\"" + user + "\".*?<td class=\"differences[^\"]*\"[^>]*>([^<]*)</td>",
                        Pattern.DOTALL)
                .matcher(fragment.body());
        assertThat(row.find()).as(fragment.body()).isTrue();
        return row.group(1);
    }
}
