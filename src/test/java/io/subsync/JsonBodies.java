package io.subsync;

import io.subsync.HostileRequests.Case;
import io.subsync.HostileRequests.Expect;
import io.subsync.support.ApiOperation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies from the schemas of the OpenAPI document: a body a caller would send (values by property name),
 * and that body changed one property at a time (a wrong JSON type, a NUL, a blank or malformed UUID, a huge number,
 * the property missing) or changed as a whole (extra fields, not JSON, not an object, other content types).
 */
final class JsonBodies {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> CONTENT_TYPES = List.of(
            "*/*",
            "application/*",
            "text/plain",
            "application/xml",
            "",
            ";;;",
            "application/json; charset=klingon",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "application/json-patch+json",
            "application/problem+json",
            "application/json;charset=UTF-16",
            "json");
    private final Random random;

    JsonBodies(Random random) {
        this.random = random;
    }

    /** A property of a body: where it is, its schema, and whether it sits in a free-form map (metadata). */
    record Property(List<String> path, JsonNode schema, boolean free) {
        String name() {
            return String.join(".", path);
        }
    }

    static byte[] bytes(JsonNode json) {
        return JSON.writeValueAsBytes(json);
    }

    void cases(HostileRequests requests, ApiOperation operation, Map<String, List<Case>> byClass) {
        JsonNode schema = requests.bodySchema(operation);
        boolean webhook = operation.path().equals(HostileRequests.WEBHOOK);
        JsonNode base = base(schema, operation, requests.fixture());
        for (Property property : properties(schema, base, List.of(), false)) {
            propertyCases(requests, operation, base, property, byClass);
        }
        for (List<String> at : objectsWithProperties(schema, base, List.of())) {
            ObjectNode extra = (ObjectNode) base.deepCopy();
            ObjectNode target = at.isEmpty() ? extra : (ObjectNode) navigate(extra, at);
            target.put("unexpectedField", 1);
            // Master may add fields to its events; the API's own bodies refuse unknown ones (README).
            String field = (at.isEmpty() ? "" : String.join(".", at) + ".") + "unexpectedField";
            HostileRequests.add(
                    byClass,
                    requests.draft(operation)
                            .body(extra)
                            .as("extra-field", field, webhook ? Expect.ANSWERED : Expect.REFUSED));
        }
        for (String text : List.of("{}", "null", "")) {
            HostileRequests.add(
                    byClass,
                    requests.draft(operation)
                            .body(text.getBytes(StandardCharsets.UTF_8))
                            .as("missing-field", "body " + (text.isEmpty() ? "empty" : text), Expect.ANSWERED));
        }
        HostileRequests.add(
                byClass, requests.draft(operation).body((byte[]) null).as("missing-field", "no body", Expect.ANSWERED));
        for (String text : List.of("[]", "\"text\"", "42", "true")) {
            HostileRequests.add(
                    byClass,
                    requests.draft(operation)
                            .body(text.getBytes(StandardCharsets.UTF_8))
                            .as("wrong-type", "body " + text, Expect.REFUSED));
        }
        String nested = "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
        for (String text : List.of("{", "{\"a\":", "{'a': 1}", "{\"a\" 1}", nested)) {
            HostileRequests.add(
                    byClass,
                    requests.draft(operation)
                            .body(text.getBytes(StandardCharsets.UTF_8))
                            .as(
                                    "malformed-json",
                                    text.length() > 40 ? "objects nested 3,000 deep" : text,
                                    Expect.REFUSED));
        }
        String json = new String(bytes(base), StandardCharsets.UTF_8);
        HostileRequests.add(
                byClass,
                requests.draft(operation)
                        .body((json + " trailing").getBytes(StandardCharsets.UTF_8))
                        .as("malformed-json", "trailing garbage after the object", Expect.ANSWERED));
        HostileRequests.add(
                byClass,
                requests.draft(operation)
                        .body(withInvalidUtf8(json))
                        .as("malformed-json", "invalid UTF-8 inside a string", Expect.ANSWERED));
        for (String type : CONTENT_TYPES) {
            HostileRequests.Draft draft = requests.draft(operation).contentType(type);
            HostileRequests.add(
                    byClass,
                    (type.equals("*/*") ? draft.pinned() : draft)
                            .as("content-type", "Content-Type: " + type, Expect.ANSWERED));
        }
        HostileRequests.add(
                byClass,
                requests.draft(operation).contentType(null).as("content-type", "no Content-Type", Expect.ANSWERED));
    }

    private void propertyCases(
            HostileRequests requests,
            ApiOperation operation,
            JsonNode base,
            Property property,
            Map<String, List<Case>> byClass) {
        JsonNode schema = property.schema();
        String type = HostileValues.type(schema);
        List<JsonNode> wrong = HostileValues.wrongTypes(schema);
        for (JsonNode value : wrong) {
            add(
                    requests,
                    operation,
                    byClass,
                    base,
                    property,
                    value,
                    "wrong-type",
                    Expect.REFUSED,
                    value == wrong.get(0));
        }
        for (JsonNode value : HostileValues.coercible(schema)) {
            add(requests, operation, byClass, base, property, value, "coercible-type", Expect.ANSWERED);
        }
        if (HostileValues.isUuid(schema)) {
            for (String value : HostileValues.BLANK_UUIDS) {
                add(
                        requests,
                        operation,
                        byClass,
                        base,
                        property,
                        NODES.stringNode(value),
                        "blank-uuid",
                        Expect.REFUSED,
                        value.isEmpty());
            }
            for (String value : HostileValues.MALFORMED_UUIDS) {
                add(
                        requests,
                        operation,
                        byClass,
                        base,
                        property,
                        NODES.stringNode(value),
                        "malformed-uuid",
                        Expect.REFUSED);
            }
        } else if (type.equals("string") || type.isEmpty()) {
            List<JsonNode> nuls = HostileValues.nulStrings();
            for (JsonNode value : nuls) {
                add(
                        requests,
                        operation,
                        byClass,
                        base,
                        property,
                        value,
                        "nul-in-string",
                        Expect.ANSWERED,
                        value == nuls.get(0));
            }
            add(
                    requests,
                    operation,
                    byClass,
                    base,
                    property,
                    NODES.stringNode("x".repeat(20_000)),
                    "long-string",
                    Expect.ANSWERED);
        }
        if (type.equals("integer") || type.isEmpty()) {
            List<JsonNode> huge = HostileValues.hugeNumbers();
            for (JsonNode value : huge) {
                Expect expect =
                        type.equals("integer") && !HostileValues.fits(value, schema) ? Expect.REFUSED : Expect.ANSWERED;
                add(
                        requests,
                        operation,
                        byClass,
                        base,
                        property,
                        value,
                        "huge-number",
                        expect,
                        expect == Expect.REFUSED && value == huge.get(0));
            }
        }
        if (type.equals("object") && schema.has("additionalProperties")) {
            ObjectNode changed = (ObjectNode) base.deepCopy();
            ((ObjectNode) navigate(changed, property.path())).put("key\u0000", true);
            HostileRequests.add(
                    byClass,
                    requests.draft(operation)
                            .body(changed)
                            .as("nul-in-string", property.name() + " has a key with NUL", Expect.ANSWERED));
        }
        ObjectNode without = (ObjectNode) base.deepCopy();
        List<String> parent = property.path().subList(0, property.path().size() - 1);
        JsonNode holder = parent.isEmpty() ? without : navigate(without, parent);
        if (holder instanceof ObjectNode object) {
            object.remove(property.path().get(property.path().size() - 1));
            HostileRequests.add(
                    byClass,
                    requests.draft(operation)
                            .body(without)
                            .as("missing-field", "without " + property.name(), Expect.ANSWERED));
        }
    }

    private static void add(
            HostileRequests requests,
            ApiOperation operation,
            Map<String, List<Case>> byClass,
            JsonNode base,
            Property property,
            JsonNode value,
            String inputClass,
            Expect expect) {
        add(requests, operation, byClass, base, property, value, inputClass, expect, false);
    }

    private static void add(
            HostileRequests requests,
            ApiOperation operation,
            Map<String, List<Case>> byClass,
            JsonNode base,
            Property property,
            JsonNode value,
            String inputClass,
            Expect expect,
            boolean pinned) {
        HostileRequests.Draft draft = requests.draft(operation).body(with(base, property.path(), value));
        HostileRequests.add(
                byClass,
                (pinned ? draft.pinned() : draft).as(inputClass, property.name() + " = " + describe(value), expect));
    }

    private static String describe(JsonNode value) {
        String text = JSON.writeValueAsString(value);
        return text.length() > 40 ? text.substring(0, 20) + "… (" + text.length() + " characters)" : text;
    }

    /** The body a caller would send: values by property name, else by type. */
    JsonNode base(JsonNode schema, ApiOperation operation, HostileRequests.Fixture fixture) {
        if (operation.path().equals(HostileRequests.WEBHOOK)) {
            ObjectNode event = HostileRequests.object()
                    .put("id", "evt_" + hex())
                    .put("type", "subscription.updated")
                    .put("createdAt", Instant.now().toString());
            event.putObject("data")
                    .put("userId", fixture.masterUser().toString())
                    .put("serviceId", "svc_pawnshop")
                    .put("planTier", "pro")
                    .put("status", "active")
                    .put("startDate", "2026-11-01T00:00:00Z")
                    .putNull("endDate")
                    .put("version", 1 + random.nextInt(1_000_000));
            return event;
        }
        return value(schema, null, fixture);
    }

    private JsonNode value(JsonNode schema, String name, HostileRequests.Fixture fixture) {
        JsonNode example = name == null ? null : example(name, fixture);
        if (example != null) {
            return example;
        }
        return switch (HostileValues.type(schema)) {
            case "object" -> {
                ObjectNode object = HostileRequests.object();
                for (Map.Entry<String, JsonNode> property :
                        schema.path("properties").properties()) {
                    object.set(property.getKey(), value(property.getValue(), property.getKey(), fixture));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(value(schema.path("items"), null, fixture));
            case "integer" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            default ->
                NODES.stringNode(
                        HostileValues.isUuid(schema) ? UUID.randomUUID().toString() : "fuzz");
        };
    }

    private JsonNode example(String name, HostileRequests.Fixture fixture) {
        Object value = switch (name) {
            case "mvpUserId" -> fixture.user().toString();
            case "masterUserId" -> fixture.masterUser().toString();
            case "operation" -> "update";
            case "serviceName", "productType" -> "pawnshop";
            case "planCode", "plan", "tier" -> "pro";
            case "status" -> "active";
            case "startDate" -> "2026-11-01T00:00:00Z";
            case "endDate" -> "2027-11-01T00:00:00Z";
            case "metadata" -> HostileRequests.object().put("source", "fuzz");
            case "id", "ownerUserId", "syncId" -> UUID.randomUUID().toString();
            case "name" -> "Fuzz " + hex().substring(0, 6);
            case "products" -> HostileRequests.object().put("pawnshop", true);
            case "keep" -> "mvp";
            case "code" -> "fuzz_" + hex().substring(0, 8).replaceAll("[0-9]", "a");
            case "badge" -> "🧪";
            case "disablePolicy" -> "keep";
            case "price" -> "9.99";
            case "currency" -> "USD";
            case "billingCycle" -> "monthly";
            case "features" -> NODES.arrayNode().add("fuzzing");
            case "validityHours" -> 24;
            case "token" -> hex() + hex().substring(0, 11);
            case "masterEmail" -> "fuzz@example.com";
            default -> null;
        };
        return value == null ? null : value instanceof JsonNode node ? node : JSON.valueToTree(value);
    }

    private String hex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Every property of the body, nested ones and map entries included. */
    static List<Property> properties(JsonNode schema, JsonNode value, List<String> at, boolean free) {
        List<Property> found = new ArrayList<>();
        if (!value.isObject()) {
            return found;
        }
        for (String name : value.propertyNames()) {
            JsonNode child = schema.path("properties").path(name);
            boolean childFree = free;
            if (child.isMissingNode()) {
                child = schema.path("additionalProperties");
                childFree = true;
            }
            List<String> path = new ArrayList<>(at);
            path.add(name);
            found.add(new Property(List.copyOf(path), child, childFree));
            found.addAll(properties(child, value.get(name), path, childFree));
        }
        return found;
    }

    private static List<List<String>> objectsWithProperties(JsonNode schema, JsonNode value, List<String> at) {
        List<List<String>> found = new ArrayList<>();
        if (value.isObject() && schema.path("properties").isObject()) {
            found.add(at);
            for (String name : value.propertyNames()) {
                List<String> path = new ArrayList<>(at);
                path.add(name);
                found.addAll(objectsWithProperties(schema.path("properties").path(name), value.get(name), path));
            }
        }
        return found;
    }

    private static JsonNode with(JsonNode base, List<String> path, JsonNode value) {
        ObjectNode copy = (ObjectNode) base.deepCopy();
        JsonNode parent = path.size() == 1 ? copy : navigate(copy, path.subList(0, path.size() - 1));
        ((ObjectNode) parent).set(path.get(path.size() - 1), value);
        return copy;
    }

    private static JsonNode navigate(JsonNode node, List<String> path) {
        JsonNode at = node;
        for (String name : path) {
            at = at instanceof ArrayNode array ? array.get(Integer.parseInt(name)) : at.get(name);
        }
        return at;
    }

    private static byte[] withInvalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf("\":\"");
        if (quote < 0) {
            return bytes;
        }
        byte[] changed = bytes.clone();
        int at = json.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8).length;
        if (at < changed.length) {
            changed[at] = (byte) 0xC3;
            if (at + 1 < changed.length) {
                changed[at + 1] = (byte) 0x28;
            }
        }
        return changed;
    }
}
