package io.subsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.IntegrationTest;
import io.subsync.support.RawHttp;
import io.subsync.support.Tokens;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nobody can make the service hold a large body: a declared length over the limit is refused before the body is
 * read, a chunked body is read no further than the limit; both are 413 problems naming the body, and the service
 * serves on. Limits: webhooks 256 KiB, everything else 1 MiB (the defaults).
 */
class RequestLimitsIntegrationTests extends IntegrationTest {
    private static final int WEBHOOK_LIMIT = 256 * 1024;
    private static final int API_LIMIT = 1024 * 1024;

    @AfterEach
    void theServiceServesOn() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/api/products", Tokens.serviceRole()).status()).isEqualTo(200);
    }

    private static void assertBodyTooLarge(RawHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void aWebhookDeclaringA300MegabyteBodyIs413BeforeAnyOfItIsSent() {
        RawHttp.Response response = raw.send("POST /webhooks/master HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 314572800\r\n\r\n");

        assertBodyTooLarge(response);
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("262144");
    }

    @Test
    void aChunkedWebhookBodyIsReadNoFurtherThanItsLimit() {
        RawHttp.Cutoff cutoff = raw.sendEndlessChunks(
                "POST /webhooks/master HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                256L * 1024 * 1024);

        assertBodyTooLarge(cutoff.response());
        assertThat(cutoff.bytesSent())
                .as("the server stopped reading long before the end")
                .isLessThan(32L * 1024 * 1024);
    }

    @Test
    void anApiBodyOverItsLimitIs413WhetherItsLengthIsDeclaredOrNot() {
        String token = Tokens.serviceRole();
        assertBodyTooLarge(raw.send("POST /api/tenants HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (API_LIMIT + 1) + "\r\n\r\n"));

        RawHttp.Cutoff cutoff = raw.sendEndlessChunks(
                "POST /api/tenants HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + "b\r\n{\"name\": \"x\r\n",
                256L * 1024 * 1024);
        assertBodyTooLarge(cutoff.response());
        assertThat(cutoff.bytesSent()).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void bodiesWithinTheirLimitsAreServedAsBefore() {
        Api.Response webhook = api.raw(
                "POST",
                "/webhooks/master",
                null,
                "{\"id\": \"evt_padded\", \"pad\": \"" + "x".repeat(WEBHOOK_LIMIT - 100) + "\"}");
        assertThat(webhook.status())
                .as("read whole, then refused for its missing signature")
                .isEqualTo(401);

        Api.Response tenant = api.post(
                "/api/tenants", Tokens.serviceRole(), Map.of("name", "x".repeat(API_LIMIT - 100), "plan", "pro"));
        assertThat(tenant.status())
                .as("read whole, then refused for its long name")
                .isEqualTo(422);
    }
}
