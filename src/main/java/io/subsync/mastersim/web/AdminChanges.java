package io.subsync.mastersim.web;

import io.subsync.mastersim.domain.Change;
import io.subsync.mastersim.domain.MasterSubscription;
import io.subsync.mastersim.domain.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Changes Master makes on its own ({@code POST /admin/changes}), each announced to the webhook URL as a signed event,
 * the events sent ({@code GET /admin/webhooks}) and sending one again ({@code POST /admin/webhooks/{id}/resend}).
 */
final class AdminChanges {
    private static final Set<String> FIELDS = Set.of("userId", "serviceId", "type", "planTier", "endDate");
    private static final Map<String, String> EVENT_TYPES = Map.of(
            "cancel",
            "subscription.cancelled",
            "update",
            "subscription.updated",
            "reactivate",
            "subscription.reactivated");

    private final Simulation simulation;

    AdminChanges(Simulation simulation) {
        this.simulation = simulation;
    }

    /** Applies the change, bumps the subscription's version, sends the event; answers the event and its delivery. */
    Map<String, Object> change(byte[] body) {
        JsonNode json = Json.object(body);
        for (String name : json.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw BadRequest.invalid(
                        name,
                        "unknown field " + name + "; a change takes "
                                + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String userId = ChangeReader.required(json, "userId");
        String serviceId = ChangeReader.required(json, "serviceId");
        String type = ChangeReader.required(json, "type");
        String planTier = ChangeReader.optional(json, "planTier");
        String endDate = ChangeReader.date(json, "endDate");
        Operation operation = switch (type) {
            case "cancel" -> Operation.CANCEL;
            case "update" -> Operation.UPDATE;
            case "reactivate" -> Operation.REACTIVATE;
            default -> throw BadRequest.invalid("type", "type must be cancel, update or reactivate");
        };
        if (operation == Operation.UPDATE && planTier == null && endDate == null) {
            throw BadRequest.invalid("planTier", "an update changes planTier, endDate or both");
        }
        Simulation.Run run = simulation.run();
        Instant at = simulation.now();
        MasterSubscription changed = run.ledger
                .change(
                        userId,
                        serviceId,
                        current -> new Change(
                                userId,
                                serviceId,
                                planTier != null ? planTier : current.planTier(),
                                operation,
                                current.serviceName(),
                                current.planCode(),
                                current.status(),
                                current.startDate(),
                                operation == Operation.UPDATE && endDate == null ? current.endDate() : endDate,
                                current.metadata(),
                                null),
                        at)
                .orElseThrow(() -> new BadRequest(
                        404, "serviceId", "Master has no subscription of user " + userId + " to " + serviceId));
        simulation.changed();
        Webhooks.Sent event = Webhooks.event(
                "evt_" + UUID.randomUUID().toString().replace("-", ""),
                EVENT_TYPES.get(type),
                data(changed),
                userId,
                serviceId,
                changed.version(),
                at);
        run.sent.put(event.id(), event);
        Webhooks.Delivery delivery = simulation.webhooks().send(event);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("event", Json.MAPPER.readTree(event.body()));
        answer.put("delivery", delivery(delivery));
        return answer;
    }

    /** Every event sent since start or reset, oldest first, with its deliveries. */
    List<Map<String, Object>> sent() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Webhooks.Sent event : simulation.run().sent.values()) {
            events.add(describe(event));
        }
        return events;
    }

    /** Sends an event again, exactly as first sent (same id and body), signed now. */
    Map<String, Object> resend(String eventId) {
        Webhooks.Sent event = Optional.ofNullable(simulation.run().sent.get(eventId))
                .orElseThrow(() -> new BadRequest(404, "eventId", "no event " + eventId + " was sent"));
        Webhooks.Delivery delivery = simulation.webhooks().send(event);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", event.id());
        answer.put("delivery", delivery(delivery));
        return answer;
    }

    private static Map<String, Object> data(MasterSubscription subscription) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", subscription.userId());
        data.put("serviceId", subscription.serviceId());
        data.put("planTier", subscription.planTier());
        data.put("status", subscription.status());
        data.put("startDate", subscription.startDate());
        data.put("endDate", subscription.endDate());
        data.put("version", subscription.version());
        return data;
    }

    private static Map<String, Object> describe(Webhooks.Sent event) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", event.id());
        item.put("type", event.type());
        item.put("userId", event.userId());
        item.put("serviceId", event.serviceId());
        item.put("version", event.version());
        item.put("createdAt", event.createdAt().toString());
        List<Map<String, Object>> deliveries = new ArrayList<>();
        synchronized (event.deliveries()) {
            event.deliveries().forEach(d -> deliveries.add(delivery(d)));
        }
        item.put("deliveries", deliveries);
        item.put(
                "lastStatus",
                deliveries.isEmpty()
                        ? null
                        : deliveries.get(deliveries.size() - 1).get("status"));
        return item;
    }

    private static Map<String, Object> delivery(Webhooks.Delivery delivery) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("at", delivery.at().toString());
        item.put("status", delivery.status());
        item.put("error", delivery.error());
        return item;
    }
}
