package io.subsync.support;

import io.subsync.sync.DesiredState;
import io.subsync.sync.SyncOperation;
import java.time.Instant;
import java.util.Map;

/**
 * {@link DesiredState} by name, as the record holds it (no input checks: {@link DesiredState#of} is what checks a
 * request): by default an update of bazi to BASIC, active from 2026-11-01, without end or metadata.
 */
public final class DesiredStateBuilder {
    private SyncOperation operation = SyncOperation.UPDATE;
    private String serviceName = "bazi";
    private String planCode = "BASIC";
    private String status = "active";
    private Instant startDate = Instant.parse("2026-11-01T00:00:00Z");
    private Instant endDate;
    private Map<String, Object> metadata = Map.of();

    private DesiredStateBuilder() {}

    public static DesiredStateBuilder desiredState() {
        return new DesiredStateBuilder();
    }

    public DesiredStateBuilder operation(SyncOperation operation) {
        this.operation = operation;
        return this;
    }

    public DesiredStateBuilder serviceName(String serviceName) {
        this.serviceName = serviceName;
        return this;
    }

    public DesiredStateBuilder planCode(String planCode) {
        this.planCode = planCode;
        return this;
    }

    public DesiredStateBuilder status(String status) {
        this.status = status;
        return this;
    }

    public DesiredStateBuilder startDate(Instant startDate) {
        this.startDate = startDate;
        return this;
    }

    public DesiredStateBuilder endDate(Instant endDate) {
        this.endDate = endDate;
        return this;
    }

    public DesiredStateBuilder metadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        return this;
    }

    public DesiredState build() {
        return new DesiredState(operation, serviceName, planCode, status, startDate, endDate, metadata);
    }
}
