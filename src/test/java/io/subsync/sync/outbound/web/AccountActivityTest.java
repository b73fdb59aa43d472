package io.subsync.sync.outbound.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.audit.SyncLogEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the user's sync page words audit entries and their errors. */
class AccountActivityTest {
    private static final UUID USER = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void aPlanChangeIsToldFromTheServicesPreviousOperation() {
        UUID upgrade = UUID.randomUUID();
        UUID create = UUID.randomUUID();
        List<SyncLogEntry> newestFirst = List.of(
                entry(4, upgrade, "pawnshop", "update", "success", Map.of("planCode", "pro", "status", "active"), null),
                entry(3, upgrade, "pawnshop", "update", "pending", Map.of("planCode", "pro", "status", "active"), null),
                entry(2, UUID.randomUUID(), "bnpl", "create", "success", Map.of("planCode", "pro"), null),
                entry(1, create, "pawnshop", "create", "success", Map.of("planCode", "starter"), null));

        assertThat(AccountActivity.of(newestFirst, 4))
                .extracting(AccountActivity::summary)
                .containsExactly(
                        "pawnshop: starter → pro", "pawnshop: starter → pro", "bnpl: pro", "pawnshop: starter");
    }

    @Test
    void theEntryBeyondThePageOnlyTellsTheChangeAndIsNotShown() {
        List<SyncLogEntry> pagePlusOne = List.of(
                entry(
                        2,
                        UUID.randomUUID(),
                        "pawnshop",
                        "cancel",
                        "success",
                        Map.of("planCode", "pro", "status", "cancelled"),
                        null),
                entry(1, UUID.randomUUID(), "pawnshop", "create", "success", Map.of("planCode", "starter"), null));

        assertThat(AccountActivity.of(pagePlusOne, 1))
                .singleElement()
                .extracting(AccountActivity::summary)
                .isEqualTo("pawnshop: starter → pro (cancelled)");
    }

    @Test
    void linksNameTheMasterAccountAndMastersChangesSayTheyCameFromMaster() {
        SyncLogEntry link = entry(2, null, null, "link", "success", Map.of("masterEmail", "me@master.example"), null);
        SyncLogEntry fromMaster = new SyncLogEntry(
                1,
                null,
                USER,
                null,
                "pawnshop",
                "update",
                "master",
                "success",
                null,
                Map.of("planTier", "enterprise"),
                null,
                null,
                "master",
                null,
                AT,
                null);

        List<AccountActivity> rows = AccountActivity.of(List.of(link, fromMaster), 2);

        assertThat(rows)
                .extracting(AccountActivity::summary)
                .containsExactly("Linked to Master account me@master.example", "pawnshop: enterprise");
        assertThat(rows).extracting(AccountActivity::source).containsExactly("MVP", "Master");
    }

    @Test
    void aFailureIsAnErrorInPlainWordsAndOtherTextIsANote() {
        SyncLogEntry failed = entry(
                2,
                UUID.randomUUID(),
                "pawnshop",
                "create",
                "failed",
                Map.of("planCode", "pro"),
                "Master answered HTTP 422: {\"error\":\"planTier must not be blank\",\"field\":\"planTier\"}");
        SyncLogEntry waiting = entry(
                1,
                UUID.randomUUID(),
                "pawnshop",
                "create",
                "pending",
                Map.of("planCode", "pro"),
                "waiting: the account has no linked Master account yet");

        List<AccountActivity> rows = AccountActivity.of(List.of(failed, waiting), 2);

        assertThat(rows.get(0).error()).isEqualTo("Master refused the change (HTTP 422): planTier must not be blank.");
        assertThat(rows.get(0).note()).isNull();
        assertThat(rows.get(1).error()).isNull();
        assertThat(rows.get(1).note()).isEqualTo("waiting: the account has no linked Master account yet");
    }

    @Test
    void mastersPassingTroubleSaysItIsSentAgainAndOtherErrorsReadAsSentences() {
        assertThat(PlainWords.error("Master answered HTTP 503"))
                .isEqualTo("Master could not take the change at the time (HTTP 503); it is sent again.");
        assertThat(PlainWords.error("Master answered HTTP 500: <html>oops</html>"))
                .isEqualTo("Master could not take the change at the time (HTTP 500); it is sent again.");
        assertThat(PlainWords.error("connection refused")).isEqualTo("Connection refused.");
        assertThat(PlainWords.error(null)).isNull();
    }

    private static SyncLogEntry entry(
            long id,
            UUID syncId,
            String service,
            String operation,
            String status,
            Map<String, Object> mvpData,
            String error) {
        return new SyncLogEntry(
                id, syncId, USER, null, service, operation, "mvp", status, mvpData, null, error, null, "user", null, AT,
                null);
    }
}
