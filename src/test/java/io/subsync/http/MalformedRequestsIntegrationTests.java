package io.subsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.access.Role;
import io.subsync.access.TokenMinter;
import io.subsync.support.IntegrationTest;
import io.subsync.support.RawHttp;
import io.subsync.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that are not what an endpoint can read, down to ones that are not HTTP: each gets a problem document, 4xx
 * (501 for CONNECT), naming the header or parameter at fault where there is one; never a 500, never Tomcat's HTML, and
 * the service serves on. Sent over a plain socket, since HTTP clients refuse to send most of them.
 */
class MalformedRequestsIntegrationTests extends IntegrationTest {
    private static final String ANY = UUID.randomUUID().toString();
    /** "…" as a client sends it, in UTF-8; a header is Latin-1 to Tomcat, so it holds a C1 control character. */
    private static final String NON_ASCII =
            new String("…".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

    @AfterEach
    void theServiceServesOn() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/api/products", Tokens.serviceRole()).status()).isEqualTo(200);
    }

    private static RawHttp.Response assertProblem(RawHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .as(response.toString())
                    .isEqualTo(field);
        }
        return response;
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private static Map<String, String> asService(String... namesAndValues) {
        Map<String, String> headers = headers("Authorization", "Bearer " + Tokens.serviceRole());
        headers.putAll(headers(namesAndValues));
        return headers;
    }

    @Test
    void aWildcardContentTypeOnEveryEndpointWithABodyIs415NamingTheHeader() {
        List<String> calls = List.of(
                "POST /api/products",
                "POST /api/plans",
                "POST /api/tenants",
                "PATCH /api/tenants/" + ANY,
                "POST /sync-subscription",
                "POST /api/sync/retry",
                "POST /api/sync/accounts/" + ANY + "/resolve",
                "POST /webhooks/master",
                "POST /api/account-links",
                "POST /api/account-links/validate",
                "PUT /api/account-links/" + ANY);
        for (String call : calls) {
            String[] methodAndPath = call.split(" ");
            for (String wildcard : List.of("*/*", "application/*", "application/*+json")) {
                assertProblem(
                        raw.send(methodAndPath[0], methodAndPath[1], asService("Content-Type", wildcard), "{}"),
                        415,
                        "Content-Type");
            }
        }
    }

    @Test
    void aHeaderTheFirewallRefusesIs400NamingTheHeader() {
        String event = "{\"id\": \"evt_1\", \"type\": \"unknown\"}";
        assertProblem(
                raw.send(
                        "POST",
                        "/webhooks/master",
                        headers("Content-Type", "application/json", "X-Master-Signature", NON_ASCII),
                        event),
                400,
                "X-Master-Signature");
        assertProblem(
                raw.send(
                        "POST",
                        "/sync-subscription",
                        asService("Content-Type", "application/json", "Idempotency-Key", NON_ASCII),
                        "{}"),
                400,
                "Idempotency-Key");
        assertProblem(
                raw.send(
                        "POST",
                        "/webhooks/master",
                        headers("Content-Type", "application/json", "X-Request-Id", NON_ASCII),
                        event),
                400,
                "X-Request-Id");
        assertProblem(
                raw.send(
                        "POST",
                        "/api/sync/accounts/" + ANY + "/resolve",
                        asService("Content-Type", "application/json", "X-Request-Id", NON_ASCII),
                        "{\"serviceName\": \"x\", \"keep\": \"mvp\"}"),
                400,
                "X-Request-Id");
        assertProblem(
                raw.send("GET", "/api/products", headers("Authorization", "Bearer " + NON_ASCII), null),
                400,
                "Authorization");
    }

    @Test
    void aParameterThatIsNotPercentEncodedUtf8Is400NamingTheParameter() {
        assertProblem(raw.send("GET", "/api/sync/logs?cursor=%ff", asService(), null), 400, "cursor");
        assertProblem(raw.send("GET", "/api/sync/logs?%zz=1", asService(), null), 400, "%zz");
        assertProblem(raw.send("GET", "/api/sync/divergences?limit=%ff", asService(), null), 400, "limit");
        assertProblem(raw.send("GET", "/api/sync/divergences?%zz=1", asService(), null), 400, "%zz");
    }

    @Test
    void theLinkPageAnswersAnUndecodableParameterWithA400Page() {
        for (String query : List.of("?%zz=1", "?token=%ff")) {
            RawHttp.Response page = raw.send("GET", "/link" + query, headers("Accept", "text/html"), null);
            assertThat(page.status()).as(page.toString()).isEqualTo(400);
            assertThat(page.contentType()).startsWith("text/html");
        }
    }

    @Test
    void pathsTomcatRefusesAreProblemsNotHtml() {
        for (String path : List.of("/api/a%2Fb", "/api/a%00b", "/%2e%2e/etc/passwd", "/api/%2e%2e/x", "/a%2F..%2F..")) {
            assertProblem(raw.send("GET", path, headers(), null), 400, null);
        }
    }

    @Test
    void requestLinesThatAreNotHttpAreProblemsNotHtml() {
        for (String line : List.of("GARBAGE", "GET /a b c HTTP/1.1", "GET /a{b} HTTP/1.1")) {
            assertProblem(raw.send(line + "\r\nHost: localhost\r\n\r\n"), 400, null);
        }
        // Lines whose protocol Tomcat could not read are answered as HTTP/0.9 (a body alone) or, when Tomcat had read
        // enough of the line first, with an HTTP/1.1 head: which one depends on how the bytes arrive. Either way the
        // body is the problem.
        for (String line :
                List.of("GET  HTTP/1.1", "GET / HTTP/1.1 extra", "G\u0001T / HTTP/1.1", "GET /\u0001 HTTP/1.1")) {
            String body = raw.sendForBody(line + "\r\nHost: localhost\r\n\r\n");
            assertThat(body).as(line).startsWith("{").contains("\"status\":400").doesNotContain("<html");
        }
        assertProblem(raw.send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0001b\r\n\r\n"), 400, null);
        assertProblem(raw.send("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 501, null);
    }

    @Test
    void aLargeSupabaseTokenFitsAndHeadersOverTheLimitAre431() {
        String large = new TokenMinter(Tokens.SECRET)
                .mint(
                        "tests",
                        Role.SERVICE_ROLE,
                        null,
                        "x".repeat(9_000) + "@example.com",
                        Instant.now(),
                        Duration.ofHours(1));
        assertThat(large.length()).isGreaterThan(12_000);
        RawHttp.Response served = raw.send("GET", "/api/products", headers("Authorization", "Bearer " + large), null);
        assertThat(served.status()).as(served.toString()).isEqualTo(200);

        assertProblem(raw.send("GET", "/api/products", headers("X-Padding", "x".repeat(17 * 1024)), null), 431, null);
    }

    @Test
    void methodsAnEndpointDoesNotTakeAre405ProblemsWithAllow() {
        for (String path : List.of("/api/products", "/webhooks/master", "/link", "/actuator/health")) {
            RawHttp.Response trace = assertProblem(raw.send("TRACE", path, headers(), null), 405, null);
            assertThat(trace.header("Allow")).as(path).isPresent();
        }
        RawHttp.Response delete = assertProblem(raw.send("DELETE", "/api/tenants", asService(), null), 405, null);
        assertThat(delete.header("Allow")).contains("POST");
    }
}
