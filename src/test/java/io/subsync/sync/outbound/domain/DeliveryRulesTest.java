package io.subsync.sync.outbound.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.ApplicationYaml;
import io.subsync.sync.DesiredState;
import io.subsync.sync.RetrySchedule;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.SyncProperties;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {
    /** The schedule the service runs with unless configured otherwise: application.yml's defaults, bound. */
    private final RetrySchedule schedule =
            ApplicationYaml.bind("subsync.sync", SyncProperties.class).schedule();

    @Test
    void theConfiguredDefaultIsTheDocumentedOne() {
        // README.md, SUBSYNC_SYNC_RETRY_SCHEDULE: 2s,10s,30s,2m,10m,30m,1h,2h,4h,8h,12h,24h with ±20% jitter.
        assertThat(schedule.delays())
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(30),
                        Duration.ofHours(1),
                        Duration.ofHours(2),
                        Duration.ofHours(4),
                        Duration.ofHours(8),
                        Duration.ofHours(12),
                        Duration.ofHours(24));
        assertThat(schedule.jitter()).isEqualTo(0.2);
        assertThat(schedule.maxRetryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theNthFailedAttemptWaitsTheNthDelaySpreadByTheJitter() {
        assertThat(schedule.after(1, Optional.empty(), () -> 0.5)).contains(Duration.ofSeconds(2));
        assertThat(schedule.after(2, Optional.empty(), () -> 0.0)).contains(Duration.ofSeconds(8));
        assertThat(schedule.after(2, Optional.empty(), () -> 1.0)).contains(Duration.ofSeconds(12));
        assertThat(schedule.after(3, Optional.empty(), () -> 0.5)).contains(Duration.ofSeconds(30));
        assertThat(schedule.after(12, Optional.empty(), () -> 0.5)).contains(Duration.ofHours(24));
    }

    @Test
    void afterTheLastDelayNoAttemptIsLeft() {
        assertThat(schedule.maxAttempts()).isEqualTo(13);
        assertThat(schedule.after(13, Optional.empty(), () -> 0.5)).isEmpty();
        assertThat(schedule.after(13, Optional.of(Duration.ofSeconds(1)), () -> 0.5))
                .isEmpty();
    }

    @Test
    void retryAfterFromMasterWinsButIsCapped() {
        assertThat(schedule.after(1, Optional.of(Duration.ofSeconds(30)), () -> 0.5))
                .contains(Duration.ofSeconds(30));
        assertThat(schedule.after(1, Optional.of(Duration.ofDays(2)), () -> 0.5))
                .contains(Duration.ofHours(1));
    }

    @Test
    void theDefaultScheduleReachesPastADay() {
        // docs/sync.md: "default 2 s … 24 h, past 24 h in all", even with every wait shortened by the jitter.
        Duration shortest = Duration.ZERO;
        for (int attempt = 1; attempt < schedule.maxAttempts(); attempt++) {
            shortest = shortest.plus(
                    schedule.after(attempt, Optional.empty(), () -> 0.0).orElseThrow());
        }
        assertThat(shortest).isGreaterThan(Duration.ofHours(24));
    }

    @Test
    void mastersAnswersAreClassified() {
        assertThat(DeliveryResult.ofHttp(200, "{}", Optional.empty()).kind()).isEqualTo(DeliveryResult.Kind.CONFIRMED);
        assertThat(DeliveryResult.ofHttp(201, "{}", Optional.empty()).kind()).isEqualTo(DeliveryResult.Kind.CONFIRMED);
        for (int permanent : new int[] {400, 401, 403, 404, 422}) {
            assertThat(DeliveryResult.ofHttp(permanent, "no", Optional.empty()).kind())
                    .isEqualTo(DeliveryResult.Kind.REJECTED);
        }
        for (int transientStatus : new int[] {408, 409, 429, 500, 502, 503, 504}) {
            assertThat(DeliveryResult.ofHttp(transientStatus, "", Optional.empty())
                            .kind())
                    .isEqualTo(DeliveryResult.Kind.RETRYABLE);
        }
        assertThat(DeliveryResult.unreachable("refused").kind()).isEqualTo(DeliveryResult.Kind.RETRYABLE);
        assertThat(DeliveryResult.ofHttp(503, "down", Optional.empty()).error())
                .isEqualTo("Master answered HTTP 503: down");
    }

    @Test
    void aDesiredStateMustFitItsOperation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DesiredState.of(SyncOperation.CANCEL, "s", "p", "active", null, null, null))
                .extracting("field")
                .isEqualTo("subscriptionData.status");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DesiredState.of(SyncOperation.CREATE, "s", "p", null, null, null, null))
                .extracting("field")
                .isEqualTo("subscriptionData.startDate");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DesiredState.of(SyncOperation.UPDATE, "s", "p", null, "2026-02-01", "2026-01-01", null))
                .extracting("field")
                .isEqualTo("subscriptionData.endDate");
        assertThat(DesiredState.of(SyncOperation.CANCEL, "s", "p", null, null, null, null)
                        .status())
                .isEqualTo("cancelled");
        assertThat(DesiredState.of(SyncOperation.CREATE, "s", "p", "Active", "2026-01-01", null, null)
                        .startDate())
                .isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    }
}
