package io.subsync.sync;

import io.subsync.settings.RefusedSetting;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Subsync talks to Master and delivers its outbox. {@code masterApiUrl} unset: operations wait as pending and
 * health says Master is not configured.
 *
 * @param masterApiUrl      {@code MASTER_API_URL}: where deliveries are POSTed
 * @param masterApiKey      {@code MASTER_API_KEY}: sent as {@code Authorization: Bearer}
 * @param workers           delivery threads per instance
 * @param batchSize         outbox rows a worker claims at once (deliveries of one batch run in parallel)
 * @param pollInterval      how often an idle worker looks for work
 * @param lease             how long a claimed row is held before another worker may take it over; it must outlast
 *                          {@code connectTimeout + readTimeout}, or a delivery still waiting for Master's answer would be
 *                          taken over and sent again (startup refuses a shorter one)
 * @param connectTimeout    connect timeout to Master
 * @param readTimeout       time Master has to answer one delivery
 * @param inRequestWait     how long {@code POST /sync-subscription} waits for Master before answering 202 pending
 * @param retrySchedule     waits between attempts; attempts in all = size + 1
 * @param retryJitter       ± fraction applied to each wait
 * @param maxRetryAfter     cap on a {@code Retry-After} from Master
 * @param idempotencyKeyTtl how long an {@code Idempotency-Key} answer is kept for replay
 * @param driftPolicy       {@code SUBSYNC_DRIFT_POLICY}: what a change from Master that conflicts with an undelivered
 *                          MVP change does ({@code manual}, {@code mvp-wins}, {@code master-wins}); default manual
 * @param masterWebhookSecret {@code MASTER_WEBHOOK_SECRET}: the HMAC-SHA256 key of {@code X-Master-Signature};
 *                          unset: {@code POST /webhooks/master} answers 503
 */
@ConfigurationProperties("subsync.sync")
public record SyncProperties(
        String masterApiUrl,
        String masterApiKey,
        int workers,
        int batchSize,
        Duration pollInterval,
        Duration lease,
        Duration connectTimeout,
        Duration readTimeout,
        Duration inRequestWait,
        List<Duration> retrySchedule,
        double retryJitter,
        Duration maxRetryAfter,
        Duration idempotencyKeyTtl,
        DriftPolicy driftPolicy,
        String masterWebhookSecret) {

    public SyncProperties {
        driftPolicy = driftPolicy == null ? DriftPolicy.MANUAL : driftPolicy;
        if (lease != null
                && connectTimeout != null
                && readTimeout != null
                && lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new RefusedSetting(
                    "SUBSYNC_SYNC_LEASE",
                    "must be longer than the connect and read timeouts to Master together ("
                            + connectTimeout.plus(readTimeout).toMillis() + " ms), was " + lease.toMillis()
                            + " ms: a delivery still waiting for Master would be taken over and sent again");
        }
    }

    public boolean masterConfigured() {
        return masterApiUrl != null && !masterApiUrl.isBlank();
    }

    public boolean webhookSecretConfigured() {
        return masterWebhookSecret != null && !masterWebhookSecret.isBlank();
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(retrySchedule, retryJitter, maxRetryAfter);
    }
}
