package io.subsync.sync.inbound;

import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.audit.AuditOperation;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.SyncProperties;
import io.subsync.sync.inbound.domain.InvalidSignature;
import io.subsync.sync.inbound.domain.MasterEvent;
import io.subsync.sync.inbound.domain.MasterEvents;
import io.subsync.sync.inbound.domain.MasterSignature;
import io.subsync.sync.inbound.domain.WebhookSecretMissing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /webhooks/master}: checks Master's signature over the raw body, then takes the event in once. The
 * event id is recorded in the transaction that applies it, so a duplicate (also a concurrent one) is acknowledged
 * and applied nothing; events of types this service does not know are acknowledged and logged.
 */
@Service
public class ReceiveMasterEvent {
    static final String ACTOR = "master:webhook";
    private final MasterEvents events;
    private final MasterStates states;
    private final AcceptMasterState accept;
    private final SyncProperties properties;
    private final Clock clock;

    ReceiveMasterEvent(
            MasterEvents events,
            MasterStates states,
            AcceptMasterState accept,
            SyncProperties properties,
            Clock clock) {
        this.events = events;
        this.states = states;
        this.accept = accept;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of an event: {@code duplicate}, {@code unknown_type}, or an {@link AcceptMasterState.Outcome}. */
    public record Receipt(String eventId, String outcome, boolean applied, boolean knownType, String detail) {}

    /**
     * Checks {@code X-Master-Signature} over the body exactly as received.
     *
     * @throws WebhookSecretMissing                       no {@code MASTER_WEBHOOK_SECRET}
     * @throws InvalidSignature missing, malformed, wrong, too old or too far ahead
     */
    public void verify(String signatureHeader, byte[] body) {
        if (!properties.webhookSecretConfigured()) {
            throw new WebhookSecretMissing();
        }
        MasterSignature.verify(
                signatureHeader,
                body,
                properties.masterWebhookSecret().getBytes(StandardCharsets.UTF_8),
                clock.instant());
    }

    /** Takes a verified event in, once per event id, in one transaction with its effect and its audit rows. */
    @Transactional
    public Receipt receive(MasterEvent event, String requestId) {
        Instant now = clock.instant();
        Provenance by = new Provenance(ACTOR, requestId);
        AuditOperation operation = AuditOperation.fromCode(
                event.operation().orElse(SyncOperation.SYNC).code());
        if (!events.firstReceipt(event.id(), event.type(), now)) {
            String why = "duplicate of event " + event.id() + ", already received; not applied again";
            states.log(
                    AuditEntry.ignored(operation, eventData(event), why)
                            .withMasterUser(
                                    event.state().map(s -> s.masterUserId()).orElse(null)),
                    by,
                    now);
            return new Receipt(event.id(), "duplicate", false, event.state().isPresent(), why);
        }
        if (event.state().isEmpty() || event.operation().isEmpty()) {
            String why = "event type '" + event.type() + "' is not one this service handles; acknowledged, not applied";
            states.log(AuditEntry.ignored(operation, eventData(event), why), by, now);
            events.settle(event.id(), "unknown_type");
            return new Receipt(event.id(), "unknown_type", false, false, why);
        }
        AcceptMasterState.Outcome outcome =
                accept.accept(event.state().get(), event.operation().get(), event.id(), by);
        events.settle(event.id(), outcome.kind().code());
        boolean applied = outcome.kind() == AcceptMasterState.Outcome.Kind.APPLIED
                || outcome.kind() == AcceptMasterState.Outcome.Kind.APPLIED_OVER_MVP;
        return new Receipt(event.id(), outcome.kind().code(), applied, true, outcome.detail());
    }

    private static Map<String, Object> eventData(MasterEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", event.id());
        data.put("type", event.type());
        data.put(
                "createdAt",
                event.createdAt() == null ? null : event.createdAt().toString());
        event.state().ifPresent(state -> data.putAll(state.snapshot()));
        return data;
    }
}
