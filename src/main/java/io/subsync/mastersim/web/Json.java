package io.subsync.mastersim.web;

import io.subsync.mastersim.domain.Faults;
import io.subsync.mastersim.domain.MasterSubscription;
import io.subsync.mastersim.domain.Stats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shapes of the simulator's answers. */
final class Json {
    /** The simulator's own: mastersim has no Spring, so no application bean to take. */
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** The body as a JSON object; 400 when it is not one. */
    static JsonNode object(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw BadRequest.invalid(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw BadRequest.invalid(null, "the body must be a JSON object");
        }
        return node;
    }

    static Map<String, Object> applied(MasterSubscription subscription) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("applied", true);
        answer.put("version", subscription.version());
        answer.put("subscription", subscription(subscription));
        return answer;
    }

    static Map<String, Object> subscriptions(String userId, List<MasterSubscription> subscriptions) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("userId", userId);
        answer.put(
                "subscriptions", subscriptions.stream().map(Json::subscription).toList());
        return answer;
    }

    static Map<String, Object> subscription(MasterSubscription subscription) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("serviceId", subscription.serviceId());
        item.put("planTier", subscription.planTier());
        item.put("status", subscription.status());
        item.put("startDate", subscription.startDate());
        item.put("endDate", subscription.endDate());
        item.put("serviceName", subscription.serviceName());
        item.put("planCode", subscription.planCode());
        item.put("metadata", subscription.metadata());
        item.put("version", subscription.version());
        item.put("updatedAt", subscription.updatedAt().toString());
        return item;
    }

    static Map<String, Object> faults(Faults faults) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outage", faults.outage());
        answer.put("outageForSeconds", faults.outageForSeconds());
        answer.put("errorRate", faults.errorRate());
        answer.put("latencyMs", faults.latencyMs());
        answer.put("retryAfterSeconds", faults.retryAfterSeconds());
        return answer;
    }

    static Map<String, Object> stats(Stats stats) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", stats.received());
        answer.put("applied", stats.applied());
        answer.put("duplicatesRefused", stats.duplicatesRefused());
        answer.put("failedInjected", stats.failedInjected());
        answer.put("outOfOrder", stats.outOfOrder());
        answer.put("rejected", stats.rejected());
        return answer;
    }

    static Map<String, Object> error(String message, String field) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", message);
        answer.put("field", field);
        return answer;
    }
}
