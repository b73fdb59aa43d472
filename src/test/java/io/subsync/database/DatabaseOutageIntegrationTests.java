package io.subsync.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.PrivateCluster;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import io.subsync.support.Waits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistrar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL stopped for 20 s under traffic, on a cluster of the test's own (so no other test's database is touched,
 * and it runs the same whichever database CI names): every request that needs the database gets a 503 problem with
 * {@code Retry-After} within the pool's connection timeout, readiness goes DOWN and comes back UP without a restart,
 * health always answers within 2 s, liveness stays UP, and every operation accepted (2xx) is delivered, on its
 * first attempt. The service runs with the production defaults that matter here: the 5 s connection timeout, a pool
 * of 10, a 30 s lease.
 */
@EnabledIf("postgres15IsHere")
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class DatabaseOutageIntegrationTests extends MasterIntegrationTest {
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    /** The default SUBSYNC_DB_CONNECTION_TIMEOUT, plus room for a loaded 2-core machine. */
    private static final long ANSWER_BOUND_MS = 5_000 + 1_500;

    private static final long HEALTH_BOUND_MS = 2_000;
    private static final long READINESS_DOWN_WITHIN_MS = 5_000;
    private static final long READINESS_UP_WITHIN_MS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class OnAPrivateCluster {
        @Bean
        static PrivateCluster privateCluster() {
            PrivateCluster cluster = PrivateCluster.create();
            cluster.start();
            return cluster;
        }

        /** A registrar, not a {@code @DynamicPropertySource}: those of the base classes would win over it. */
        @Bean
        static DynamicPropertyRegistrar onThePrivateCluster(PrivateCluster cluster) {
            return registry -> {
                registry.add("subsync.db.url", cluster::jdbcUrl);
                registry.add("subsync.db.user", () -> "");
                registry.add("subsync.db.pool-size", () -> "10");
                registry.add("subsync.sync.lease", () -> "30s");
                // The link page is one of the requests; the limit on refused lookups is not under test here.
                registry.add("subsync.links.attempts-per-client", () -> "1000000");
            };
        }
    }

    /** Runs in CI always (and fails there without PostgreSQL 15); elsewhere only where PostgreSQL 15 is installed. */
    static boolean postgres15IsHere() {
        return PrivateCluster.available() || System.getenv("CI") != null;
    }

    @Autowired
    PrivateCluster cluster;

    /** What one request got, and when (milliseconds since the test began). */
    record Call(String kind, long start, long end, int status, String contentType, String retryAfter, String body) {
        long took() {
            return end - start;
        }

        boolean during(long from, long to) {
            return start >= from && end <= to;
        }

        boolean overlaps(long from, long to) {
            return end >= from && start <= to;
        }

        @Override
        public String toString() {
            return kind + " at " + start + " ms: " + status + " after " + took() + " ms, " + contentType
                    + ", Retry-After " + retryAfter + ", " + (body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    /** A write the service accepted (2xx): the user, its Master account and its sync id. */
    record Accepted(UUID user, UUID master, UUID syncId, long at) {}

    private final long origin = System.nanoTime();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Call> probes = Collections.synchronizedList(new ArrayList<>());
    private final List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void whileTheDatabaseIsDownRequestsGet503QuicklyReadinessIsDownAndNothingAcceptedIsLost(CapturedOutput output)
            throws Exception {
        assertThat(jdbc.sql("SELECT inet_server_port()").query(Integer.class).single())
                .as("the service runs on the private cluster")
                .isEqualTo(cluster.port());
        UUID tenant = new Tenants(api).open("pro", Map.of("bnpl", true));
        String reader = Tokens.userOf(tenant);
        String service = Tokens.serviceRole();
        int logStart = output.getAll().length();

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(7);
        AtomicInteger revision = new AtomicInteger();
        // Two clients of each kind, each sending one request after the other: at 5 s a request during the outage,
        // each kind has several requests wholly inside it.
        for (int i = 0; i < 2; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    write(service, revision.incrementAndGet());
                }
            });
            clients.submit(() -> {
                while (running.get()) {
                    read(reader);
                }
            });
            clients.submit(() -> {
                while (running.get()) {
                    page();
                }
            });
        }
        clients.submit(() -> {
            while (running.get()) {
                probe("readiness", "/actuator/health/readiness");
                probe("liveness", "/actuator/health/liveness");
                probe("health", "/actuator/health");
                pause(200);
            }
        });

        pause(4_000);
        long stopping = now();
        cluster.stop();
        long down = now();
        pause(OUTAGE.toMillis() - (down - stopping));
        long starting = now();
        cluster.start();
        long up = now();
        long ready = Waits.upTo(Duration.ofMillis(READINESS_UP_WITHIN_MS + 5_000), Duration.ofMillis(200))
                .until(
                        () -> probes.stream()
                                .filter(p -> p.kind().equals("readiness") && p.start() > up && ok(p))
                                .mapToLong(Call::end)
                                .findFirst()
                                .orElse(-1),
                        at -> at > 0);
        pause(6_000);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        System.out.printf(
                "Outage: stop %d-%d ms, start %d-%d ms; %d requests, %d accepted writes, %d probes%n",
                stopping, down, starting, up, calls.size(), accepted.size(), probes.size());
        report("before", calls.stream().filter(c -> c.end() < stopping).toList());
        report("outage", calls.stream().filter(c -> c.during(down, starting)).toList());
        report("around", calls.stream().filter(c -> c.overlaps(stopping, up)).toList());
        report(
                "after readiness UP",
                calls.stream().filter(c -> c.start() > ready).toList());

        everyRequestWasAnsweredWithinTheBoundAndNoneWith500();
        requestsBeforeAndAfterTheOutageSucceeded(stopping, ready);
        requestsDuringTheOutageGot503ProblemsWithRetryAfter(down, starting);
        theProbesFollowedTheDatabase(down, starting, up);
        everyAcceptedWriteIsDeliveredOnItsFirstAttempt(up);
        theWorkersSaidItOnceEachWay(output.getAll().substring(logStart));
    }

    private void everyRequestWasAnsweredWithinTheBoundAndNoneWith500() {
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.status()).as(call.toString()).isIn(200, 201, 202, 404, 503);
            assertThat(call.took()).as(call.toString()).isLessThanOrEqualTo(ANSWER_BOUND_MS);
        });
    }

    /** Before the database stopped, and once readiness said UP again (what a load balancer goes by), all succeed. */
    private void requestsBeforeAndAfterTheOutageSucceeded(long stopping, long ready) {
        List<Call> before = calls.stream().filter(c -> c.end() < stopping).toList();
        List<Call> after = calls.stream().filter(c -> c.start() > ready).toList();
        assertThat(before.stream().map(Call::kind).collect(Collectors.toSet()))
                .as("reads, writes and pages before the outage")
                .contains("read", "write", "page");
        assertThat(after.stream().map(Call::kind).collect(Collectors.toSet()))
                .as("reads, writes and pages once the database was back")
                .contains("read", "write", "page");
        assertThat(before).allSatisfy(this::succeeded);
        assertThat(after).allSatisfy(this::succeeded);
        assertThat(after.stream().filter(c -> c.kind().equals("write")))
                .as("writes accepted again")
                .isNotEmpty();
    }

    private void succeeded(Call call) {
        assertThat(call.status())
                .as(call.toString())
                .isIn(call.kind().equals("page") ? List.of(404) : List.of(200, 202));
    }

    private void requestsDuringTheOutageGot503ProblemsWithRetryAfter(long down, long starting) {
        List<Call> outage = calls.stream().filter(c -> c.during(down, starting)).toList();
        assertThat(outage.stream().map(Call::kind).collect(Collectors.toSet()))
                .as("reads, writes and pages while the database was down")
                .contains("read", "write", "page");
        assertThat(outage).allSatisfy(call -> {
            assertThat(call.status()).as(call.toString()).isEqualTo(503);
            assertThat(call.retryAfter()).as(call.toString()).isEqualTo("5");
            if (call.kind().equals("page")) {
                assertThat(call.contentType()).as(call.toString()).startsWith("text/html");
                assertThat(call.body()).contains("cannot reach its database").doesNotContain("Exception");
            } else {
                assertThat(call.contentType()).as(call.toString()).startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(call.body());
                assertThat(problem.get("status").asInt()).isEqualTo(503);
                assertThat(problem.get("title").asString()).isEqualTo("Database unavailable");
            }
        });
    }

    private void theProbesFollowedTheDatabase(long down, long starting, long up) {
        assertThat(probes.stream().filter(p -> p.kind().equals("health")))
                .as("/actuator/health answers within 2 s, whatever the database does")
                .allSatisfy(p -> assertThat(p.took()).as(p.toString()).isLessThanOrEqualTo(HEALTH_BOUND_MS));
        assertThat(probes.stream().filter(p -> p.kind().equals("liveness")))
                .as("liveness stays UP: a restart would not bring the database back")
                .allSatisfy(p -> assertThat(ok(p)).as(p.toString()).isTrue());
        List<Call> readiness =
                probes.stream().filter(p -> p.kind().equals("readiness")).toList();
        Optional<Call> firstDown =
                readiness.stream().filter(p -> p.start() >= down && !ok(p)).findFirst();
        assertThat(firstDown).as("readiness DOWN while the database is down").isPresent();
        System.out.printf(
                "Readiness DOWN %d ms after the database stopped%n",
                firstDown.get().end() - down);
        assertThat(firstDown.get().end() - down).isLessThanOrEqualTo(READINESS_DOWN_WITHIN_MS);
        assertThat(readiness.stream().filter(p -> p.during(down + READINESS_DOWN_WITHIN_MS, starting)))
                .isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.status()).as(p.toString()).isEqualTo(503);
                    assertThat(p.body()).as(p.toString()).contains("DOWN");
                });
        Call firstUp = readiness.stream()
                .filter(p -> p.start() >= up && ok(p))
                .findFirst()
                .orElseThrow();
        System.out.printf("Readiness UP %d ms after the database was started again%n", firstUp.end() - up);
        assertThat(firstUp.end() - up).isLessThanOrEqualTo(READINESS_UP_WITHIN_MS);
        assertThat(readiness.stream().filter(p -> p.start() > firstUp.end()))
                .allSatisfy(p -> assertThat(ok(p)).as(p.toString()).isTrue());
    }

    private void everyAcceptedWriteIsDeliveredOnItsFirstAttempt(long up) {
        List<UUID> syncIds = accepted.stream().map(Accepted::syncId).toList();
        assertThat(accepted.stream().filter(a -> a.at() > up))
                .as("writes accepted after")
                .isNotEmpty();
        awaitDrained(Duration.ofSeconds(60));
        Map<String, Long> byState = jdbc
                .sql("SELECT status || ' attempt ' || attempts AS state, count(*) FROM subsync.sync_outbox"
                        + " WHERE id IN (:ids) GROUP BY 1")
                .param("ids", syncIds)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        System.out.println("Accepted writes in the outbox: " + byState);
        assertThat(byState)
                .as("every accepted write, delivered on its first attempt")
                .isEqualTo(Map.of("delivered attempt 1", (long) syncIds.size()));
        assertThat(accepted)
                .allSatisfy(write -> assertThat(
                                MASTER.subscriptionsOf(write.master().toString()))
                        .as("Master has " + write)
                        .hasSize(1));
    }

    private void theWorkersSaidItOnceEachWay(String log) {
        assertThat(count(log, "Sync workers: the database is unreachable"))
                .as(log)
                .isEqualTo(1);
        assertThat(count(log, "Sync workers: the database is reachable again"))
                .as(log)
                .isEqualTo(1);
        assertThat(count(log, "The database is unreachable (")).isEqualTo(1);
        assertThat(count(log, "The database answers again")).isEqualTo(1);
        assertThat(log).doesNotContain("failed a round").doesNotContain("Unexpected error");
    }

    private void write(String token, int revision) {
        UUID user = UUID.randomUUID();
        UUID master = UUID.randomUUID();
        Call call = send("write", post("/sync-subscription", token, sync(user, master, "create", "BASIC", revision)));
        if (call.status() == 200 || call.status() == 202) {
            JsonNode body = JSON.readTree(call.body());
            accepted.add(new Accepted(
                    user, master, UUID.fromString(body.get("syncId").asString()), call.end()));
        }
    }

    private void read(String token) {
        send("read", get("/api/tenants/current/subscriptions", token, "application/json"));
    }

    private void page() {
        send("page", get("/link?token=" + UUID.randomUUID(), null, "text/html"));
    }

    private void probe(String kind, String path) {
        Call call = exchange(kind, get(path, null, "application/json"));
        probes.add(call);
    }

    private Call send(String kind, HttpRequest request) {
        Call call = exchange(kind, request);
        calls.add(call);
        return call;
    }

    private Call exchange(String kind, HttpRequest request) {
        long start = now();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Call(
                    kind,
                    start,
                    now(),
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        } catch (Exception e) {
            // A hang (the client's 30 s timeout) or a dropped connection: status 0 fails every assertion on it.
            return new Call(kind, start, now(), 0, "", null, e.toString());
        }
    }

    private HttpRequest get(String path, String token, String accept) {
        HttpRequest.Builder builder =
                request(path, token).header("Accept", accept).GET();
        return builder.build();
    }

    private HttpRequest post(String path, String token, Object body) {
        return request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(body)))
                .build();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static boolean ok(Call probe) {
        return probe.status() == 200 && probe.body().contains("\"UP\"");
    }

    private static long count(String log, String text) {
        return log.lines().filter(line -> line.contains(text)).count();
    }

    private void report(String phase, List<Call> phaseCalls) {
        Map<String, String> summary = phaseCalls.stream()
                .collect(Collectors.groupingBy(
                        c -> c.kind() + " " + c.status(),
                        Collectors.collectingAndThen(
                                Collectors.toList(),
                                list -> list.size() + " (max "
                                        + list.stream()
                                                .mapToLong(Call::took)
                                                .max()
                                                .orElse(0) + " ms)")));
        System.out.println("Requests " + phase + ": " + summary);
    }

    private long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - origin);
    }

    private static void pause(long millis) {
        if (millis > 0) {
            sleep(millis);
        }
    }
}
