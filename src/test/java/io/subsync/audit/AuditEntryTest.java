package io.subsync.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
    private static final UUID SYNC = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID MASTER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    @Test
    void theStatusesAndOperationsAreTheTablesCheckConstraints() {
        assertThat(SyncLog.STATUSES)
                .containsExactly("success", "failed", "pending", "stale", "superseded", "ignored", "diverged");
        assertThat(SyncLog.OPERATIONS)
                .containsExactly("create", "update", "cancel", "reactivate", "sync", "link", "unlink", "resolve");
    }

    @Test
    void anOperationIsFoundByItsCodeAndAnUnknownCodeIsRefused() {
        assertThat(AuditOperation.fromCode("reactivate")).isEqualTo(AuditOperation.REACTIVATE);
        assertThatThrownBy(() -> AuditOperation.fromCode("delete")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPendingChangeNamesItsOperationUserAndServiceAndNothingElseUntilAdded() {
        AuditEntry entry = AuditEntry.pending(SYNC, USER, "bazi", AuditOperation.UPDATE, Map.of("planCode", "BASIC"));

        assertThat(entry)
                .isEqualTo(new AuditEntry(
                        Optional.of(SYNC),
                        Optional.of(USER),
                        Optional.empty(),
                        Optional.of("bazi"),
                        AuditOperation.UPDATE,
                        AuditStatus.PENDING,
                        Optional.of(Map.of("planCode", "BASIC")),
                        Optional.empty(),
                        Optional.empty()));
        assertThat(entry.withMasterUser(MASTER).withError("waiting").masterUserId())
                .contains(MASTER);
        assertThat(entry.withError(null).error()).isEmpty();
    }

    @Test
    void aLinkAndAnUnlinkSucceedWithTheMasterAccount() {
        assertThat(AuditEntry.link(USER, MASTER, Map.of()))
                .extracting(AuditEntry::operation, AuditEntry::status, AuditEntry::masterUserId, AuditEntry::syncId)
                .containsExactly(AuditOperation.LINK, AuditStatus.SUCCESS, Optional.of(MASTER), Optional.empty());
        assertThat(AuditEntry.unlink(USER, MASTER, Map.of()).operation()).isEqualTo(AuditOperation.UNLINK);
    }

    @Test
    void anIgnoredChangeFromMasterKeepsMastersDataAndWhy() {
        AuditEntry entry = AuditEntry.ignored(AuditOperation.CANCEL, Map.of("eventId", "e1"), "duplicate");

        assertThat(entry.status()).isEqualTo(AuditStatus.IGNORED);
        assertThat(entry.masterData()).contains(Map.of("eventId", "e1"));
        assertThat(entry.error()).contains("duplicate");
        assertThat(entry.mvpUserId()).isEmpty();
    }
}
