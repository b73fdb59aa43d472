package io.subsync.mastersim.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.subsync.mastersim.domain.Change;
import io.subsync.mastersim.domain.Faults;
import io.subsync.mastersim.domain.Ledger;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Master's API: {@code POST /} applies a delivery once per Idempotency-Key, {@code GET /users/{userId}/subscriptions}
 * answers Master's view. Faults apply here, in this order: latency, outage (503), then the API key (401), then
 * Retry-After (429, POSTs only) and the error rate (500).
 */
final class MasterApiHandler implements HttpHandler {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;
    private static final Pattern SUBSCRIPTIONS = Pattern.compile("/users/([^/]+)/subscriptions/?");

    private final Simulation simulation;

    MasterApiHandler(Simulation simulation) {
        this.simulation = simulation;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status = 500;
        try {
            status = route(exchange);
        } catch (BadRequest problem) {
            status = Exchanges.error(exchange, problem);
        } catch (InterruptedException e) {
            // The simulator is closing.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            simulation.failed(exchange, e);
            status = Exchanges.error(exchange, 500, null, "internal error: " + e);
        } finally {
            exchange.close();
            simulation.logged(exchange, status, started);
        }
    }

    private int route(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/")) {
            if (!method.equals("POST")) {
                return Exchanges.methodNotAllowed(exchange, "POST");
            }
            Simulation.Run run = simulation.run();
            run.counters.received();
            try {
                return deliver(exchange, run);
            } catch (BadRequest problem) {
                run.counters.rejected();
                throw problem;
            }
        }
        Matcher subscriptions = SUBSCRIPTIONS.matcher(path);
        if (subscriptions.matches()) {
            if (!method.equals("GET")) {
                return Exchanges.methodNotAllowed(exchange, "GET");
            }
            return subscriptions(exchange, decode(subscriptions.group(1)));
        }
        return Exchanges.notFound(exchange);
    }

    private int deliver(HttpExchange exchange, Simulation.Run run) throws IOException, InterruptedException {
        Integer injected = injectFaults(exchange, run, true);
        if (injected != null) {
            return injected;
        }
        String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            throw BadRequest.invalid(IDEMPOTENCY_KEY, "the Idempotency-Key header is required");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw BadRequest.invalid(IDEMPOTENCY_KEY, "the Idempotency-Key header is longer than " + MAX_KEY_LENGTH);
        }
        Change change = ChangeReader.read(
                Exchanges.body(exchange), exchange.getRequestHeaders().getFirst(ChangeReader.SEQUENCE_HEADER));
        Replays.Answer answer = run.replays.answer(key, () -> {
            Ledger.Applied applied = run.ledger.apply(change, simulation.now());
            run.counters.applied(applied);
            return Json.write(Json.applied(applied.subscription()));
        });
        if (answer.replayed()) {
            run.counters.duplicateRefused();
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        } else {
            simulation.changed();
        }
        return Exchanges.json(exchange, 200, answer.body());
    }

    private int subscriptions(HttpExchange exchange, String userId) throws IOException, InterruptedException {
        Simulation.Run run = simulation.run();
        Integer injected = injectFaults(exchange, run, false);
        if (injected != null) {
            return injected;
        }
        return Exchanges.json(
                exchange, 200, Json.write(Json.subscriptions(userId, run.ledger.subscriptionsOf(userId))));
    }

    /** The status of the fault answered, or null when the request goes through. */
    private Integer injectFaults(HttpExchange exchange, Simulation.Run run, boolean delivery)
            throws IOException, InterruptedException {
        Faults faults = simulation.faults().forRequest();
        if (faults.latencyMs() > 0) {
            Thread.sleep(faults.latencyMs());
        }
        if (faults.outage()) {
            run.counters.failedInjected();
            return Exchanges.error(exchange, 503, null, "Master is unavailable (simulated outage)");
        }
        simulation.authorize(exchange);
        if (delivery && faults.retryAfterSeconds() > 0) {
            run.counters.failedInjected();
            exchange.getResponseHeaders().set("Retry-After", Long.toString(faults.retryAfterSeconds()));
            return Exchanges.error(
                    exchange,
                    429,
                    null,
                    "too many requests (simulated); retry after " + faults.retryAfterSeconds() + " s");
        }
        if (simulation.faults().failsNow(faults)) {
            run.counters.failedInjected();
            return Exchanges.error(exchange, 500, null, "Master failed (simulated error)");
        }
        return null;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BadRequest.invalid("userId", "the userId in the path is not URL-encoded properly");
        }
    }
}
