package io.subsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.HostileRequests.Case;
import io.subsync.HostileRequests.Expect;
import io.subsync.access.Role;
import io.subsync.access.TokenMinter;
import io.subsync.support.Api;
import io.subsync.support.ApiOperation;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Mappings;
import io.subsync.support.RawExchange;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every operation of the service's own OpenAPI document with hostile requests ({@link HostileRequests}) and
 * holds the answers to the API's error contract: never a 5xx, and every 4xx an RFC 9457 problem detail
 * ({@code application/problem+json}, its {@code status} the HTTP status); input that is invalid whatever else the
 * request says (a wrong JSON type, a blank or malformed UUID, an int32 that does not fit) is never accepted, and a
 * method no operation has on a path is a 405. Every violation is collected and listed at the end.
 *
 * <p>Seeded: the seed is printed; {@code -Dsubsync.fuzz.seed=N} replays a run, and
 * {@code -Dsubsync.fuzz.requests-per-operation=N} sizes it (default 60, plus the pinned cases, which are always sent).
 * The list is also written to {@code target/api-fuzz-violations.txt}.
 */
class ApiFuzzIntegrationTests extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The magic link's landing page: not in the document (it is a page), but it reads a token from the query. */
    private static final ApiOperation LINK_PAGE = new ApiOperation(
            "GET",
            "/link",
            List.of(new ApiOperation.Parameter("token", "query", JSON.readTree("{\"type\": \"string\"}"), false)),
            null);

    record Violation(
            String method,
            String path,
            String inputClass,
            String input,
            String kind,
            int status,
            String contentType,
            String bodyStart) {
        @Override
        public String toString() {
            return String.format(
                    "%s %s [%s: %s] -> %s: %s %s %s",
                    method,
                    path,
                    inputClass,
                    input,
                    kind,
                    status < 0 ? "(no status line)" : status,
                    contentType,
                    bodyStart);
        }
    }

    @Test
    void everyOperationAnswersHostileRequestsWithoutServerErrorsAndRefusesThemAsProblemDetails() throws IOException {
        long seed = Long.getLong("subsync.fuzz.seed", new Random().nextLong());
        int perOperation = Integer.getInteger("subsync.fuzz.requests-per-operation", 60);
        System.out.println("API fuzz seed " + seed + " (rerun with -Dsubsync.fuzz.seed=" + seed + "), " + perOperation
                + " requests per operation");
        Random random = new Random(seed);
        Mappings.mapCatalogue(jdbc);
        Api.Response document = api.get("/v3/api-docs", null);
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        List<ApiOperation> operations = new ArrayList<>(ApiOperation.of(document.json()));
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(15);
        List<ApiOperation> targets = new ArrayList<>(operations);
        targets.add(LINK_PAGE);

        RawExchange http = new RawExchange(port);
        AtomicInteger subjects = new AtomicInteger();
        TokenMinter minter = new TokenMinter(Tokens.SECRET);
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> sentByClass = new TreeMap<>();
        int sent = 0;
        long started = System.nanoTime();
        HostileRequests requests = new HostileRequests(operations, random);
        for (ApiOperation operation : targets) {
            boolean asUser = wantsUser(requests, operation, fixture(minter, subjects), http);
            HostileRequests.Fixture fixture = fixture(minter, subjects);
            fixture = fixture.withCredential(asUser ? fixture::userToken : fixture.serviceToken());
            for (Case c : requests.cases(operation, fixture, perOperation)) {
                sent++;
                sentByClass.merge(c.inputClass(), 1, Integer::sum);
                check(c, http, operation == LINK_PAGE, violations);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String report = report(seed, sent, took, sentByClass, violations);
        Path file = Path.of("target", "api-fuzz-violations.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println(report.lines().limit(40).collect(Collectors.joining("\n")));
        assertThat(violations).as(report).isEmpty();
    }

    private HostileRequests.Fixture fixture(TokenMinter minter, AtomicInteger subjects) {
        UUID tenant = new Tenants(api).open("pro", Map.of("pawnshop", true));
        UUID user = UUID.randomUUID();
        UUID master = UUID.randomUUID();
        Map<String, Object> data = Map.of(
                "serviceName", "pawnshop", "planCode", "pro", "status", "active", "startDate", "2026-11-01T00:00:00Z");
        Api.Response linked = api.post(
                "/sync-subscription",
                Tokens.serviceRole(),
                Map.of(
                        "mvpUserId",
                        user.toString(),
                        "masterUserId",
                        master.toString(),
                        "operation",
                        "create",
                        "subscriptionData",
                        data));
        assertThat(linked.status()).as(linked.toString()).isIn(200, 202);
        return new HostileRequests.Fixture(
                user,
                master,
                tenant,
                () -> minter.mint(
                        "fuzz-" + subjects.incrementAndGet(),
                        Role.SERVICE_ROLE,
                        null,
                        null,
                        Instant.now(),
                        Duration.ofHours(1)),
                Tokens.user(user, tenant),
                Tokens.userOf(tenant),
                Tokens.expiredUserOf(tenant),
                Tokens.signedWith("another-secret-0123456789abcdefghijklmnop", tenant),
                WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1:" + port,
                null);
    }

    /**
     * Does the operation let a request through only with a user's token (the caller's tenant endpoints), not with
     * service_role? Hostile input behind a 401 or 403 would test nothing else. Tried on a fixture of its own, as the
     * request may change it (DELETE unlinks).
     */
    private static boolean wantsUser(
            HostileRequests requests, ApiOperation operation, HostileRequests.Fixture probe, RawExchange http) {
        requests.use(probe.withCredential(probe.serviceToken()));
        int status = http.send(requests.draft(operation)
                        .as("probe", "base request", Expect.ANSWERED)
                        .request())
                .status();
        return status == 401 || status == 403;
    }

    private static void check(Case c, RawExchange http, boolean page, List<Violation> violations) {
        RawExchange.Answer answer;
        try {
            answer = http.send(c.request());
        } catch (UncheckedIOException e) {
            violations.add(new Violation(
                    c.method(),
                    c.path(),
                    c.inputClass(),
                    c.input(),
                    "no answer",
                    -1,
                    "",
                    String.valueOf(e.getCause())));
            return;
        }
        for (String kind : faults(c, answer, page)) {
            String body = answer.body().replaceAll("\\s+", " ");
            violations.add(new Violation(
                    c.method(),
                    c.path(),
                    c.inputClass(),
                    c.input(),
                    kind,
                    answer.status(),
                    answer.contentType(),
                    body.length() > 100 ? body.substring(0, 100) + "…" : body));
        }
    }

    /** What is wrong with the answer, if anything. */
    static List<String> faults(Case c, RawExchange.Answer answer, boolean page) {
        List<String> faults = new ArrayList<>();
        int status = answer.status();
        if (status < 0) {
            // An HTTP/0.9-style answer has no headers: its body alone can still be a problem detail.
            if (!page
                    && !problem(answer.body())
                            .map(p -> p.path("status").asInt() >= 400
                                    && p.path("status").asInt() < 500)
                            .orElse(false)) {
                faults.add("no status line, and the body is not a 4xx problem detail");
            }
            return faults;
        }
        if (status >= 500 && !(status == 505 && c.expect() == Expect.VERSION_NOT_SUPPORTED)) {
            faults.add("server error");
        }
        if (c.expect() == Expect.REFUSED && status >= 200 && status < 300) {
            faults.add("accepted invalid input");
        }
        if (c.expect() == Expect.METHOD_NOT_ALLOWED && status != 405) {
            faults.add("expected 405");
        }
        if (status >= 400 && !page) {
            if (!answer.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json")) {
                faults.add("not application/problem+json");
            } else if (problem(answer.body())
                    .map(p -> p.path("status").asInt() != status)
                    .orElse(true)) {
                faults.add("problem status differs from the HTTP status");
            }
        }
        return faults;
    }

    private static java.util.Optional<JsonNode> problem(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? java.util.Optional.of(json) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String report(
            long seed, int sent, Duration took, Map<String, Integer> sentByClass, List<Violation> violations) {
        StringBuilder out = new StringBuilder(String.format(
                "API fuzz, seed %d (rerun: -Dsubsync.fuzz.seed=%d): %d requests " + "in %d s, %d violations%n",
                seed, seed, sent, took.toSeconds(), violations.size()));
        out.append(String.format("%-22s %8s %10s  %s%n", "input class", "requests", "violations", "kinds"));
        for (Map.Entry<String, Integer> sentOf : sentByClass.entrySet()) {
            List<Violation> of = violations.stream()
                    .filter(v -> v.inputClass().equals(sentOf.getKey()))
                    .toList();
            Map<String, Long> kinds = of.stream()
                    .collect(Collectors.groupingBy(
                            v -> v.kind() + (v.status() < 0 ? "" : " " + v.status()),
                            TreeMap::new,
                            Collectors.counting()));
            out.append(String.format(
                    "%-22s %8d %10d  %s%n",
                    sentOf.getKey(), sentOf.getValue(), of.size(), kinds.isEmpty() ? "" : kinds));
        }
        out.append("violations:\n");
        violations.stream()
                .sorted(java.util.Comparator.comparing(Violation::inputClass)
                        .thenComparing(Violation::path)
                        .thenComparing(Violation::method))
                .forEach(v -> out.append("  ").append(v).append('\n'));
        return out.toString();
    }
}
