package io.subsync.support;

import io.subsync.sync.MasterSubscriptionState;
import java.time.Instant;
import java.util.UUID;

/** {@link MasterSubscriptionState} by name: by default Master's basic bazi subscription, active, version 1. */
public final class MasterSubscriptionStateBuilder {
    /** The Master account of a state whose test names none. */
    public static final UUID MASTER_USER = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");

    private UUID masterUserId = MASTER_USER;
    private String serviceId = "svc_bazi";
    private String planTier = "basic";
    private String status = "active";
    private Instant startDate = Instant.parse("2026-11-01T00:00:00Z");
    private Instant endDate;
    private long version = 1;

    private MasterSubscriptionStateBuilder() {}

    public static MasterSubscriptionStateBuilder masterState() {
        return new MasterSubscriptionStateBuilder();
    }

    public MasterSubscriptionStateBuilder masterUserId(UUID masterUserId) {
        this.masterUserId = masterUserId;
        return this;
    }

    public MasterSubscriptionStateBuilder serviceId(String serviceId) {
        this.serviceId = serviceId;
        return this;
    }

    public MasterSubscriptionStateBuilder planTier(String planTier) {
        this.planTier = planTier;
        return this;
    }

    public MasterSubscriptionStateBuilder status(String status) {
        this.status = status;
        return this;
    }

    public MasterSubscriptionStateBuilder startDate(Instant startDate) {
        this.startDate = startDate;
        return this;
    }

    public MasterSubscriptionStateBuilder endDate(Instant endDate) {
        this.endDate = endDate;
        return this;
    }

    public MasterSubscriptionStateBuilder version(long version) {
        this.version = version;
        return this;
    }

    public MasterSubscriptionState build() {
        return new MasterSubscriptionState(masterUserId, serviceId, planTier, status, startDate, endDate, version);
    }
}
