package io.subsync.sync.outbound;

import static io.subsync.support.DesiredStateBuilder.desiredState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.sync.NotDiverged;
import io.subsync.sync.SyncStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncStateTest {
    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static SyncState state(String syncStatus, long desiredRevision, Optional<Long> syncedRevision) {
        return new SyncState(
                USER,
                desiredState().serviceName("bazi").build(),
                desiredRevision,
                UUID.randomUUID(),
                syncedRevision,
                syncedRevision.map(r -> Instant.parse("2026-11-01T00:00:00Z")),
                SyncStatus.fromCode(syncStatus),
                Optional.empty());
    }

    @Test
    void isConfirmedOnlyWhenMasterHasTheLatestRevision() {
        assertThat(state("synced", 3, Optional.of(3L)).confirmed()).isTrue();
        assertThat(state("pending", 3, Optional.of(2L)).confirmed()).isFalse();
        assertThat(state("pending", 1, Optional.empty()).confirmed()).isFalse();
    }

    @Test
    void aNewDesiredStateTakesTheNextRevision() {
        assertThat(state("pending", 4, Optional.empty()).nextRevision()).isEqualTo(5);
    }

    @Test
    void isDivergedOnlyWhenItsStatusSaysSo() {
        assertThat(state("diverged", 2, Optional.of(1L)).diverged()).isTrue();
        assertThat(state("failed", 2, Optional.of(1L)).diverged()).isFalse();
        assertThat(state("synced", 2, Optional.of(2L)).diverged()).isFalse();
    }

    @Test
    void aDivergedStateCanBeResolved() {
        assertThatNoException()
                .isThrownBy(() -> state("diverged", 2, Optional.of(1L)).checkResolvable(List.of()));
    }

    @Test
    void aStateMasterWasNotedToDifferFromCanBeResolvedWhateverItsStatus() {
        assertThatNoException()
                .isThrownBy(() -> state("pending", 2, Optional.of(1L)).checkResolvable(List.of("status")));
    }

    @Test
    void aStateThatIsNotDivergedCannotBeResolved() {
        assertThatThrownBy(() -> state("synced", 2, Optional.of(2L)).checkResolvable(List.of()))
                .isInstanceOf(NotDiverged.class)
                .hasMessage("user " + USER + " and service 'bazi' are not diverged (sync status synced)");
    }
}
