package io.subsync.mastersim.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.subsync.mastersim.domain.Faults;
import io.subsync.mastersim.domain.InvalidFault;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's own endpoints, never subject to faults: {@code GET/PUT /admin/faults}, {@code GET /admin/stats},
 * {@code POST /admin/reset}, Master's own changes sent as webhooks ({@code POST /admin/changes},
 * {@code GET /admin/webhooks}, {@code POST /admin/webhooks/{id}/resend}). They need the API key when one is set.
 */
final class AdminHandler implements HttpHandler {
    private static final Set<String> FAULT_FIELDS =
            Set.of("outage", "outageForSeconds", "errorRate", "latencyMs", "retryAfterSeconds");

    private static final Pattern RESEND = Pattern.compile("/admin/webhooks/([^/]+)/resend");
    private final Simulation simulation;
    private final AdminChanges changes;

    AdminHandler(Simulation simulation) {
        this.simulation = simulation;
        this.changes = new AdminChanges(simulation);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status = 500;
        try {
            simulation.authorize(exchange);
            status = route(exchange);
        } catch (BadRequest problem) {
            status = Exchanges.error(exchange, problem);
        } catch (RuntimeException e) {
            simulation.failed(exchange, e);
            status = Exchanges.error(exchange, 500, null, "internal error: " + e);
        } finally {
            exchange.close();
            simulation.logged(exchange, status, started);
        }
    }

    private int route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        switch (exchange.getRequestURI().getRawPath()) {
            case "/admin/faults":
                if (method.equals("GET")) {
                    return Exchanges.json(
                            exchange,
                            200,
                            Json.write(Json.faults(simulation.faults().current())));
                }
                if (method.equals("PUT")) {
                    return Exchanges.json(
                            exchange, 200, Json.write(Json.faults(changeFaults(Exchanges.body(exchange)))));
                }
                return Exchanges.methodNotAllowed(exchange, "GET, PUT");
            case "/admin/stats":
                if (method.equals("GET")) {
                    return Exchanges.json(exchange, 200, Json.write(Json.stats(simulation.stats())));
                }
                return Exchanges.methodNotAllowed(exchange, "GET");
            case "/admin/reset":
                if (method.equals("POST")) {
                    simulation.reset();
                    return Exchanges.noContent(exchange);
                }
                return Exchanges.methodNotAllowed(exchange, "POST");
            case "/admin/changes":
                if (method.equals("POST")) {
                    return Exchanges.json(exchange, 200, Json.write(changes.change(Exchanges.body(exchange))));
                }
                return Exchanges.methodNotAllowed(exchange, "POST");
            case "/admin/webhooks":
                if (method.equals("GET")) {
                    return Exchanges.json(exchange, 200, Json.write(changes.sent()));
                }
                return Exchanges.methodNotAllowed(exchange, "GET");
            default:
                Matcher resend = RESEND.matcher(exchange.getRequestURI().getRawPath());
                if (resend.matches()) {
                    if (method.equals("POST")) {
                        return Exchanges.json(exchange, 200, Json.write(changes.resend(resend.group(1))));
                    }
                    return Exchanges.methodNotAllowed(exchange, "POST");
                }
                return Exchanges.notFound(exchange);
        }
    }

    /**
     * Applies any subset of the fault settings. {@code outage: true} alone starts an open-ended outage;
     * {@code outageForSeconds: n > 0} an outage that ends by itself after n seconds; 0 removes the timer.
     */
    private Faults changeFaults(byte[] body) {
        JsonNode json = Json.object(body);
        for (String name : json.propertyNames()) {
            if (!FAULT_FIELDS.contains(name)) {
                throw BadRequest.invalid(
                        name,
                        "unknown field " + name + "; faults are "
                                + String.join(
                                        ", ", FAULT_FIELDS.stream().sorted().toList()));
            }
        }
        Boolean outage = json.has("outage") ? bool(json.get("outage")) : null;
        Long outageFor =
                json.has("outageForSeconds") ? integer(json.get("outageForSeconds"), "outageForSeconds") : null;
        Double errorRate = json.has("errorRate") ? number(json.get("errorRate")) : null;
        Long latency = json.has("latencyMs") ? integer(json.get("latencyMs"), "latencyMs") : null;
        Long retryAfter =
                json.has("retryAfterSeconds") ? integer(json.get("retryAfterSeconds"), "retryAfterSeconds") : null;
        if (Boolean.FALSE.equals(outage) && outageFor != null && outageFor > 0) {
            throw BadRequest.invalid("outageForSeconds", "outageForSeconds > 0 contradicts outage: false");
        }
        try {
            return simulation
                    .faults()
                    .change(
                            faults -> {
                                Faults changed = faults;
                                if (outage != null) {
                                    changed = outage
                                            ? changed.withOutage(true).withOutageForSeconds(0)
                                            : changed.withOutage(false);
                                }
                                if (outageFor != null) {
                                    changed = changed.withOutageForSeconds(outageFor);
                                }
                                if (errorRate != null) {
                                    changed = changed.withErrorRate(errorRate);
                                }
                                if (latency != null) {
                                    changed = changed.withLatencyMs(latency);
                                }
                                if (retryAfter != null) {
                                    changed = changed.withRetryAfterSeconds(retryAfter);
                                }
                                return changed;
                            },
                            outage != null || outageFor != null);
        } catch (InvalidFault e) {
            throw BadRequest.invalid(e.field(), e.getMessage());
        }
    }

    private static boolean bool(JsonNode node) {
        if (!node.isBoolean()) {
            throw BadRequest.invalid("outage", "outage must be true or false");
        }
        return node.booleanValue();
    }

    private static long integer(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw BadRequest.invalid(field, field + " must be a whole number");
        }
        return node.longValue();
    }

    private static double number(JsonNode node) {
        if (!node.isNumber()) {
            throw BadRequest.invalid("errorRate", "errorRate must be a number between 0.0 and 1.0");
        }
        return node.doubleValue();
    }
}
