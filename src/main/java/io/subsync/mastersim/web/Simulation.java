package io.subsync.mastersim.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.subsync.mastersim.domain.Counters;
import io.subsync.mastersim.domain.FaultSwitch;
import io.subsync.mastersim.domain.Faults;
import io.subsync.mastersim.domain.Ledger;
import io.subsync.mastersim.domain.Stats;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulated Master: its state, the faults in force and who may call it, served on an {@link HttpServer}.
 * {@link #reset()} swaps in empty state at once; requests already running finish on the old one. With a state file,
 * the state is read from it at start and written to it after every change.
 */
public final class Simulation {
    private final byte[] apiKeyDigest;
    private final FaultSwitch faults;
    private final Clock clock;
    private final PrintStream log;
    private final Webhooks webhooks;
    private final StateFile stateFile;
    private volatile Run run = new Run();

    /** The state a reset clears. */
    static final class Run {
        final Ledger ledger = new Ledger();
        final Replays replays = new Replays();
        final Counters counters = new Counters();
        /** Webhook events sent, by id, in the order sent. */
        final Map<String, Webhooks.Sent> sent = Collections.synchronizedMap(new LinkedHashMap<>());
    }

    /**
     * @param apiKey the key callers must send as {@code Authorization: Bearer <key>}; null or blank: no check
     * @param log    where each request is logged, or null for no request log
     * @param webhookUrl    where Master's own changes are POSTed as signed events; null: recorded, not sent
     * @param webhookSecret the HMAC-SHA256 key of their {@code X-Master-Signature}
     * @param stateFile     where the state is kept between runs (read now, written after each change); null: in
     *                      memory only
     * @throws io.subsync.mastersim.StateFileUnreadable when the state file exists but cannot be read back
     */
    public Simulation(
            String apiKey,
            Faults initialFaults,
            Long seed,
            Clock clock,
            PrintStream log,
            String webhookUrl,
            String webhookSecret,
            Path stateFile) {
        this.webhooks = new Webhooks(webhookUrl, webhookSecret, clock);
        this.apiKeyDigest = apiKey == null || apiKey.isBlank() ? null : sha256(apiKey);
        this.faults = new FaultSwitch(initialFaults, seed, clock);
        this.clock = clock;
        this.log = log;
        this.stateFile = stateFile == null ? null : new StateFile(stateFile);
        if (this.stateFile != null) {
            this.stateFile.load(run);
        }
    }

    /** Serves Master's API at {@code /} and the admin endpoints at {@code /admin/}. */
    public void register(HttpServer server) {
        server.createContext("/", new MasterApiHandler(this));
        server.createContext("/admin/", new AdminHandler(this));
    }

    public FaultSwitch faults() {
        return faults;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    public Ledger ledger() {
        return run.ledger;
    }

    public Stats stats() {
        return run.counters.snapshot();
    }

    /** Forgets every subscription, Idempotency-Key, count and event sent; the faults and the webhook URL stay. */
    public void reset() {
        run = new Run();
        changed();
    }

    /**
     * Writes the state file, if there is one, after a change was applied and before it is answered, so what a caller
     * was told survives a restart. A failed write is reported and the change still answered: the next write (the whole
     * state) catches up.
     */
    void changed() {
        if (stateFile == null) {
            return;
        }
        try {
            stateFile.save(run);
        } catch (UncheckedIOException e) {
            System.err.println("master-sim: " + e.getMessage() + ": " + e.getCause());
        }
    }

    Run run() {
        return run;
    }

    /** The time of a change, to the millisecond (a precision PostgreSQL and JavaScript keep exactly). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Refuses the request with 401 unless it carries the API key (compared in constant time). */
    void authorize(HttpExchange exchange) {
        if (apiKeyDigest == null) {
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (bearer
                && MessageDigest.isEqual(
                        apiKeyDigest, sha256(header.substring(7).trim()))) {
            return;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        throw new BadRequest(
                401, "Authorization", bearer ? "wrong API key" : "Authorization: Bearer <API key> is required");
    }

    void logged(HttpExchange exchange, int status, long startedNanos) {
        if (log == null) {
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        log.printf(
                "%s %s %d %.1fms%s%n",
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                status,
                (System.nanoTime() - startedNanos) / 1e6,
                key == null ? "" : " key=" + key);
    }

    void failed(HttpExchange exchange, RuntimeException e) {
        System.err.println(
                "master-sim: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed: " + e);
        e.printStackTrace();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
