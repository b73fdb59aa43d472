package io.subsync.support;

import io.subsync.sync.DriftPolicy;
import io.subsync.sync.SyncProperties;
import java.time.Duration;
import java.util.List;

/**
 * {@link SyncProperties} by name: application.yml's defaults, except for a Master configured at a closed loopback
 * port and a single retry; changed only where a test says so.
 */
public final class SyncPropertiesBuilder {
    private String masterApiUrl = "http://127.0.0.1:1";
    private String masterApiKey = "key";
    private int workers = 4;
    private int batchSize = 32;
    private Duration pollInterval = Duration.ofMillis(200);
    private Duration lease = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration readTimeout = Duration.ofSeconds(10);
    private Duration inRequestWait = Duration.ofSeconds(2);
    private List<Duration> retrySchedule = List.of(Duration.ofSeconds(2));
    private double retryJitter = 0.2;
    private Duration maxRetryAfter = Duration.ofHours(1);
    private Duration idempotencyKeyTtl = Duration.ofHours(24);
    private DriftPolicy driftPolicy;
    private String masterWebhookSecret;

    private SyncPropertiesBuilder() {}

    public static SyncPropertiesBuilder syncProperties() {
        return new SyncPropertiesBuilder();
    }

    public SyncPropertiesBuilder masterApiUrl(String masterApiUrl) {
        this.masterApiUrl = masterApiUrl;
        return this;
    }

    public SyncPropertiesBuilder masterApiKey(String masterApiKey) {
        this.masterApiKey = masterApiKey;
        return this;
    }

    public SyncPropertiesBuilder workers(int workers) {
        this.workers = workers;
        return this;
    }

    public SyncPropertiesBuilder batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    public SyncPropertiesBuilder pollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
        return this;
    }

    public SyncPropertiesBuilder lease(Duration lease) {
        this.lease = lease;
        return this;
    }

    public SyncPropertiesBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    public SyncPropertiesBuilder readTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
        return this;
    }

    public SyncPropertiesBuilder inRequestWait(Duration inRequestWait) {
        this.inRequestWait = inRequestWait;
        return this;
    }

    public SyncPropertiesBuilder retrySchedule(Duration... retrySchedule) {
        this.retrySchedule = List.of(retrySchedule);
        return this;
    }

    public SyncPropertiesBuilder retryJitter(double retryJitter) {
        this.retryJitter = retryJitter;
        return this;
    }

    public SyncPropertiesBuilder maxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
        return this;
    }

    public SyncPropertiesBuilder idempotencyKeyTtl(Duration idempotencyKeyTtl) {
        this.idempotencyKeyTtl = idempotencyKeyTtl;
        return this;
    }

    public SyncPropertiesBuilder driftPolicy(DriftPolicy driftPolicy) {
        this.driftPolicy = driftPolicy;
        return this;
    }

    public SyncPropertiesBuilder masterWebhookSecret(String masterWebhookSecret) {
        this.masterWebhookSecret = masterWebhookSecret;
        return this;
    }

    /** The properties; their constructor's checks (the lease against the timeouts) run here. */
    public SyncProperties build() {
        return new SyncProperties(
                masterApiUrl,
                masterApiKey,
                workers,
                batchSize,
                pollInterval,
                lease,
                connectTimeout,
                readTimeout,
                inRequestWait,
                retrySchedule,
                retryJitter,
                maxRetryAfter,
                idempotencyKeyTtl,
                driftPolicy,
                masterWebhookSecret);
    }
}
