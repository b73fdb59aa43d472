package io.subsync;

import io.subsync.support.ApiOperation;
import io.subsync.support.RawExchange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bounded, seeded generator of hostile requests for the operations of the OpenAPI document. Each operation starts
 * from a request that would be accepted (values a caller would send, by property name) and changes one thing at a
 * time: the content type, a header, the query, the path, one property of the body, the whole body, the method, the
 * credentials, or the request line itself ({@link BrokenRequests}). The same seed gives the same requests.
 */
final class HostileRequests {
    /** What an answer must be, beyond "never 5xx, every 4xx a problem detail". */
    enum Expect {
        /** any 2xx or 4xx */
        ANSWERED,
        /** a 4xx: the input is invalid whatever else the request says */
        REFUSED,
        /** 405: no operation has this method on this path */
        METHOD_NOT_ALLOWED,
        /** 505 allowed: the request names an HTTP version the server does not speak */
        VERSION_NOT_SUPPORTED
    }

    /**
     * One request: the operation it aims at, the class of hostile input, a short description, the bytes to send.
     * A pinned case is sent whatever the budget: the inputs known to have broken the service once.
     */
    record Case(
            String method,
            String path,
            String inputClass,
            String input,
            Expect expect,
            byte[] request,
            boolean pinned) {}

    /**
     * The data the requests point at: a linked user with a tenant, and credentials of every kind.
     *
     * @param serviceToken a service_role token; a new subject each time, so per-caller limits do not hide deeper checks
     * @param credential   the token every request but the credentials' own carries: one the operation lets through
     */
    record Fixture(
            UUID user,
            UUID masterUser,
            UUID tenant,
            Supplier<String> serviceToken,
            String userToken,
            String otherUserToken,
            String expiredToken,
            String foreignToken,
            byte[] webhookSecret,
            String host,
            Supplier<String> credential) {
        Fixture withCredential(Supplier<String> token) {
            return new Fixture(
                    user,
                    masterUser,
                    tenant,
                    serviceToken,
                    userToken,
                    otherUserToken,
                    expiredToken,
                    foreignToken,
                    webhookSecret,
                    host,
                    token);
        }
    }

    static final String WEBHOOK = "/webhooks/master";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The webhook's body is raw bytes in the document; this is its shape (docs/sync.md, "Changes from Master"). */
    private static final JsonNode EVENT_SCHEMA = JSON.readTree("""
            {"type": "object", "properties": {"id": {"type": "string"}, "type": {"type": "string"},
             "createdAt": {"type": "string"}, "data": {"type": "object", "properties": {
               "userId": {"type": "string", "format": "uuid"}, "serviceId": {"type": "string"},
               "planTier": {"type": "string"}, "status": {"type": "string"}, "startDate": {"type": "string"},
               "endDate": {"type": "string"}, "version": {"type": "integer"}}}}}""");

    private final Random random;
    private Fixture fixture;
    private final JsonBodies bodies;
    private final BrokenRequests broken;
    private final HostileParameters parameters;

    HostileRequests(List<ApiOperation> operations, Random random) {
        this.random = random;
        this.bodies = new JsonBodies(random);
        this.broken = new BrokenRequests(operations, this);
        this.parameters = new HostileParameters(this);
    }

    /**
     * The pinned cases of the operation, then others up to {@code budget} in all, taken in turn from every input class
     * that applies (so each class is tried even with a small budget), in an order the seed decides.
     */
    List<Case> cases(ApiOperation operation, Fixture target, int budget) {
        use(target);
        Map<String, List<Case>> byClass = new LinkedHashMap<>();
        if (operation.body() != null) {
            bodies.cases(this, operation, byClass);
        }
        parameters.headerCases(operation, byClass);
        parameters.queryCases(operation, byClass);
        parameters.pathCases(operation, byClass);
        parameters.credentialCases(operation, byClass);
        broken.cases(operation, byClass);
        List<String> classes = new ArrayList<>(byClass.keySet());
        Collections.shuffle(classes, random);
        byClass.values().forEach(list -> Collections.shuffle(list, random));
        List<Case> chosen = new ArrayList<>();
        byClass.values()
                .forEach(
                        list -> chosen.addAll(list.stream().filter(Case::pinned).toList()));
        byClass.values().forEach(list -> list.removeIf(Case::pinned));
        for (int round = 0; chosen.size() < budget; round++) {
            boolean any = false;
            for (String inputClass : classes) {
                List<Case> list = byClass.get(inputClass);
                if (round < list.size() && chosen.size() < budget) {
                    chosen.add(list.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return chosen;
    }

    static void add(Map<String, List<Case>> byClass, Case c) {
        byClass.computeIfAbsent(c.inputClass(), k -> new ArrayList<>()).add(c);
    }

    /** A request to the operation that would be accepted, to change one thing in. */
    Draft draft(ApiOperation operation) {
        return new Draft(operation);
    }

    JsonNode bodySchema(ApiOperation operation) {
        return operation.path().equals(WEBHOOK) ? EVENT_SCHEMA : operation.body();
    }

    Fixture fixture() {
        return fixture;
    }

    /** Points the requests made from now on at this fixture. */
    void use(Fixture target) {
        this.fixture = target;
    }

    Map<String, String> pathValues() {
        return Map.of(
                "mvpUserId", fixture.user().toString(), "id", fixture.tenant().toString());
    }

    private String baseQuery(ApiOperation operation) {
        List<String> query = new ArrayList<>();
        for (ApiOperation.Parameter parameter : operation.parameters("query")) {
            if (random.nextInt(3) == 0) {
                String value = switch (parameter.name()) {
                    case "mvpUserId" -> fixture.user().toString();
                    case "status" -> "failed";
                    case "operation" -> "create";
                    case "limit" -> "10";
                    default -> null;
                };
                if (value != null) {
                    query.add(parameter.name() + "=" + value);
                }
            }
        }
        return query.isEmpty() ? null : String.join("&", query);
    }

    /** A request being changed: starts as one that would be accepted. */
    final class Draft {
        private final ApiOperation operation;
        private String method;
        private String path;
        private String query;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body;
        private String contentType = "application/json";
        private String authorization;
        private boolean pinned;

        private Draft(ApiOperation operation) {
            this.operation = operation;
            this.method = operation.method();
            this.path = operation.path(pathValues());
            this.query = baseQuery(operation);
            this.body = operation.body() == null
                    ? null
                    : JsonBodies.bytes(bodies.base(bodySchema(operation), operation, fixture));
            if (!operation.path().equals(WEBHOOK)) {
                authorization = "Bearer " + fixture.credential().get();
            }
            if (operation.parameters("header").stream().anyMatch(p -> p.name().equals("Idempotency-Key"))
                    && random.nextInt(3) == 0) {
                headers.add(new String[] {"Idempotency-Key", "fuzz-" + UUID.randomUUID()});
            }
        }

        Draft method(String newMethod) {
            method = newMethod;
            return this;
        }

        Draft path(String newPath) {
            path = newPath;
            return this;
        }

        String path() {
            return path;
        }

        /** Appends to the query as it is. */
        Draft query(String extra) {
            query = query == null ? extra : query + "&" + extra;
            return this;
        }

        /** Sets one query parameter (raw, as sent), dropping the value the base request gave it. */
        Draft param(String name, String rawValue) {
            if (query != null) {
                String kept = java.util.Arrays.stream(query.split("&"))
                        .filter(p -> !p.startsWith(name + "="))
                        .collect(java.util.stream.Collectors.joining("&"));
                query = kept.isEmpty() ? null : kept;
            }
            return query(name + "=" + rawValue);
        }

        Draft header(String name, String value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            headers.add(new String[] {name, value});
            return this;
        }

        Draft authorization(String value) {
            authorization = value;
            return this;
        }

        Draft body(byte[] newBody) {
            body = newBody;
            return this;
        }

        Draft body(JsonNode json) {
            return body(JsonBodies.bytes(json));
        }

        Draft contentType(String value) {
            contentType = value;
            return this;
        }

        Draft pinned() {
            pinned = true;
            return this;
        }

        Case as(String inputClass, String input, Expect expect) {
            List<String[]> sent = new ArrayList<>();
            if (authorization != null && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Authorization"))) {
                sent.add(new String[] {"Authorization", authorization});
            }
            if (body != null && contentType != null) {
                sent.add(new String[] {"Content-Type", contentType});
            }
            boolean signed = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(MasterSignatureHeader.NAME));
            if (operation.path().equals(WEBHOOK) && !signed) {
                sent.add(new String[] {
                    MasterSignatureHeader.NAME, MasterSignatureHeader.sign(body, fixture.webhookSecret())
                });
            }
            sent.addAll(headers);
            String target = path + (query == null ? "" : "?" + query);
            return new Case(
                    method,
                    operation.path(),
                    inputClass,
                    input,
                    expect,
                    new RawExchange.Request(method, target, sent, body).bytes(fixture.host()),
                    pinned);
        }
    }

    /** Master's webhook signature: a valid one for a body, or one with a hostile v1. */
    static final class MasterSignatureHeader {
        static final String NAME = "X-Master-Signature";

        private MasterSignatureHeader() {}

        static String sign(byte[] body, byte[] secret) {
            long t = java.time.Instant.now().getEpochSecond();
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
                mac.update(body == null ? new byte[0] : body);
                return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal());
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static String withV1(String v1) {
            return "t=" + java.time.Instant.now().getEpochSecond() + ",v1=" + v1;
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
