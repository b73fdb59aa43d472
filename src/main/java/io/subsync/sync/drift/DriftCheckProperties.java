package io.subsync.sync.drift;

import io.subsync.settings.RefusedSetting;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;

/**
 * How often {@code serve} reconciles with Master on its own.
 *
 * @param driftCheckInterval {@code SUBSYNC_DRIFT_CHECK_INTERVAL}: time between scheduled reconciliations (e.g.
 *                           {@code 15m}); {@code 0} or {@code off} turns them off
 */
@ConfigurationProperties("subsync.sync")
public record DriftCheckProperties(String driftCheckInterval) {

    /** The interval, or empty when scheduled reconciliation is off. */
    public Optional<Duration> interval() {
        if (driftCheckInterval == null
                || driftCheckInterval.isBlank()
                || driftCheckInterval.trim().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        Duration interval;
        try {
            interval = DurationStyle.detectAndParse(driftCheckInterval.trim());
        } catch (IllegalArgumentException e) {
            throw new RefusedSetting(
                    "SUBSYNC_DRIFT_CHECK_INTERVAL",
                    "must be a duration such as 15m, or 0/off, was '" + driftCheckInterval + "'");
        }
        return interval.isZero() || interval.isNegative() ? Optional.empty() : Optional.of(interval);
    }
}
