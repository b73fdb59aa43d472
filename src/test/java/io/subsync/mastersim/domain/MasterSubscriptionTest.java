package io.subsync.mastersim.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each operation does to Master's copy of a subscription. */
class MasterSubscriptionTest {
    private static final Instant T1 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-02T10:00:00Z");

    private static Change change(
            Operation operation, String planTier, String status, String startDate, String endDate) {
        return new Change(
                "u-1",
                "pawnshop",
                planTier,
                operation,
                "pawnshop",
                planTier,
                status,
                startDate,
                endDate,
                Map.of("seats", 3),
                null);
    }

    @Test
    void createStartsAtVersionOneActiveFromNowUnlessToldOtherwise() {
        MasterSubscription created =
                MasterSubscription.applying(null, change(Operation.CREATE, "pro", null, null, null), T1);

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.status()).isEqualTo("active");
        assertThat(created.startDate()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(created.updatedAt()).isEqualTo(T1);
        assertThat(created.metadata()).containsEntry("seats", 3);
    }

    @Test
    void updateWritesTheStateSentAndKeepsStatusAndStartWhenNotSent() {
        MasterSubscription created =
                MasterSubscription.applying(null, change(Operation.CREATE, "pro", "trialing", "2025-01-01", null), T1);

        MasterSubscription updated = MasterSubscription.applying(
                created, change(Operation.UPDATE, "enterprise", null, null, "2025-12-31"), T2);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.planTier()).isEqualTo("enterprise");
        assertThat(updated.status()).isEqualTo("trialing");
        assertThat(updated.startDate()).isEqualTo("2025-01-01");
        assertThat(updated.endDate()).isEqualTo("2025-12-31");
        assertThat(updated.updatedAt()).isEqualTo(T2);
    }

    @Test
    void cancelEndsNowUnlessGivenAnEndAndKeepsTheRest() {
        MasterSubscription created =
                MasterSubscription.applying(null, change(Operation.CREATE, "pro", null, "2025-01-01", null), T1);

        MasterSubscription cancelled =
                MasterSubscription.applying(created, change(Operation.CANCEL, "starter", "active", null, null), T2);

        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(cancelled.endDate()).isEqualTo("2025-03-02T10:00:00Z");
        assertThat(cancelled.planTier()).isEqualTo("pro");
        assertThat(cancelled.version()).isEqualTo(2);
    }

    @Test
    void reactivateClearsTheEnd() {
        MasterSubscription cancelled = MasterSubscription.applying(
                null, change(Operation.CANCEL, "pro", null, "2025-01-01", "2025-02-01"), T1);

        MasterSubscription reactivated = MasterSubscription.applying(
                cancelled, change(Operation.REACTIVATE, "pro", null, null, "2025-06-01"), T2);

        assertThat(reactivated.status()).isEqualTo("active");
        assertThat(reactivated.endDate()).isNull();
        assertThat(reactivated.version()).isEqualTo(2);
    }

    @Test
    void cancelOfASubscriptionMasterNeverSawRecordsItCancelled() {
        MasterSubscription cancelled =
                MasterSubscription.applying(null, change(Operation.CANCEL, "pro", "active", null, null), T1);

        assertThat(cancelled.version()).isEqualTo(1);
        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(cancelled.planTier()).isEqualTo("pro");
        assertThat(cancelled.endDate()).isEqualTo("2025-03-01T10:00:00Z");
    }
}
