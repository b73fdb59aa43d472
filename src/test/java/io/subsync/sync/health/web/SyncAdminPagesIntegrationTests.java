package io.subsync.sync.health.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Pages;
import io.subsync.support.Syncs;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sync sections of the admin page over plain HTTP: the health API's figures, failures and retry, the audit log. */
class SyncAdminPagesIntegrationTests extends MasterIntegrationTest {
    private static final Pattern FIGURE = Pattern.compile("data-figure=\"(\\w+)\"(?:\\s+data-value=\"([^\"]*)\")?");
    private static final Pattern LOG_ROW =
            Pattern.compile("<tr class=\"entry\" data-log-id=\"(\\d+)\"\\s+data-status=\"(\\w+)\""
                    + "\\s+data-operation=\"(\\w+)\"(?:\\s+data-mvp-user-id=\"([^\"]*)\")?");
    private static final Pattern OLDER = Pattern.compile("id=\"log-older\" hx-get=\"([^\"]+)\"");
    private Pages pages;
    private Syncs syncs;
    private String admin;

    @BeforeEach
    void fixtures() {
        pages = new Pages(port);
        syncs = new Syncs(api, jdbc);
        admin = Tokens.serviceRole();
    }

    @Test
    void theHealthFragmentShowsTheFiguresOfTheHealthApi() {
        syncs.delivered(UUID.randomUUID(), "BASIC", 1);
        UUID failed = syncs.request(UUID.randomUUID(), syncs.brokenService());
        awaitDrained(Duration.ofSeconds(10));
        assertThat(syncs.status(failed)).isEqualTo("failed");

        Pages.Page adminPage = pages.signedIn("/admin", admin);
        assertThat(adminPage.status()).isEqualTo(200);
        assertThat(adminPage.body())
                .contains(
                        "Sync with Master",
                        "hx-get=\"/admin/sync/health\"",
                        "hx-get=\"/admin/sync/failures\"",
                        "hx-get=\"/admin/sync/log\"");

        Pages.Page fragment = fragment("/admin/sync/health");
        JsonNode api = this.api.get("/api/sync/health", admin).json();

        Map<String, String> shown = figures(fragment.body());
        List<String> fields = new ArrayList<>();
        api.propertyNames().forEach(fields::add);
        assertThat(shown.keySet())
                .as("every figure of the API, and only those")
                .containsExactlyInAnyOrderElementsOf(fields.stream()
                        .filter(f -> !f.equals("masterConfigured"))
                        .toList());
        assertThat(fragment.body()).contains("data-master-configured=\"true\"", "Master is configured");
        for (String field : shown.keySet()) {
            JsonNode expected = api.get(field);
            String value = shown.get(field);
            if (expected.isNull()) {
                assertThat(value).as(field + ": no data-value").isNull();
            } else if (expected.isIntegralNumber()) {
                assertThat(Long.parseLong(value)).as(field).isEqualTo(expected.asLong());
            } else if (field.equals("avgSecondsSinceLastSync") || field.equals("oldestPendingAgeSeconds")) {
                assertThat(Double.parseDouble(value))
                        .as(field + " (grows with time)")
                        .isCloseTo(expected.asDouble(), within(5.0));
            } else {
                assertThat(Double.parseDouble(value)).as(field).isEqualTo(expected.asDouble());
            }
        }
        assertThat(api.get("deliveredLastHour").asLong()).isPositive();
        assertThat(api.get("failedOperations").asLong()).isPositive();

        assertThat(fragment.body())
                .contains(
                        "id=\"chart-sync-status\"",
                        "data-chart=\"doughnut\"",
                        "id=\"chart-latency\"",
                        "data-chart=\"bar\"",
                        "&lt;10 ms",
                        "≥30 s")
                .doesNotContain("No deliveries in the last hour");
        List<Long> status = values(fragment.body(), "chart-sync-status");
        assertThat(status)
                .containsExactly(
                        api.get("syncedAccounts").asLong(),
                        api.get("pendingAccounts").asLong(),
                        api.get("failedAccounts").asLong(),
                        api.get("divergedAccounts").asLong());
        List<Long> latency = values(fragment.body(), "chart-latency");
        assertThat(latency).hasSize(9);
        assertThat(latency.stream().mapToLong(Long::longValue).sum())
                .as("the histogram counts the hour's deliveries")
                .isEqualTo(api.get("deliveredLastHour").asLong());
    }

    @Test
    void aFailedOperationIsListedAndItsRetryButtonQueuesItAgain() {
        String service = syncs.brokenService();
        UUID user = UUID.randomUUID();
        UUID failed = syncs.request(user, service);
        awaitDrained(Duration.ofSeconds(10));
        assertThat(syncs.status(failed)).isEqualTo("failed");

        Pages.Page failures = fragment("/admin/sync/failures");
        assertThat(failures.status()).isEqualTo(200);
        String row = row(failures.body(), failed);
        assertThat(row)
                .contains(
                        failed.toString().substring(0, 8),
                        user.toString(),
                        service,
                        "create",
                        "HTTP 4",
                        "action=\"/admin/sync/failures/" + failed + "/retry\"",
                        "hx-post=\"/admin/sync/failures/" + failed + "/retry\"",
                        "name=\"_csrf\"");
        List<String> cookies = List.of(
                Pages.SESSION + "=" + admin,
                "XSRF-TOKEN=" + failures.cookieValue("XSRF-TOKEN").orElseThrow());

        Pages.Page withoutCsrf = pages.postForm(
                "/admin/sync/failures/" + failed + "/retry", cookies.subList(0, 1), Map.of(), "HX-Request", "true");
        assertThat(withoutCsrf.status()).as("a post without the CSRF token").isEqualTo(403);
        assertThat(syncs.status(failed)).isEqualTo("failed");

        syncs.mend(service);
        Pages.Page retried = pages.postForm(
                "/admin/sync/failures/" + failed + "/retry",
                cookies,
                Map.of("_csrf", failures.csrfField()),
                "HX-Request",
                "true");

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.header("HX-Trigger")).contains("sync-retried");
        assertThat(retried.body())
                .contains("id=\"sync-failures\"", "Operation " + failed + " is queued for delivery again")
                .doesNotContain("data-sync-id=\"" + failed + "\"");
        assertThat(syncs.status(failed)).isIn("pending", "delivering", "delivered");
        awaitDrained(Duration.ofSeconds(10));
        assertThat(syncs.status(failed)).isEqualTo("delivered");
        assertThat(jdbc.sql(
                                "SELECT actor FROM subsync.subscription_sync_log WHERE sync_id = :id AND error LIKE 'retry requested%'")
                        .param("id", failed)
                        .query(String.class)
                        .single())
                .startsWith("service_role");
        assertThat(fragment("/admin/sync/failures").body()).doesNotContain("data-sync-id=\"" + failed + "\"");
    }

    @Test
    void retryAllFailedQueuesEveryFailedOperationAndAPlainFormPostReturnsToThePage() {
        String service = syncs.brokenService();
        UUID first = syncs.request(UUID.randomUUID(), service);
        UUID second = syncs.request(UUID.randomUUID(), service);
        awaitDrained(Duration.ofSeconds(10));
        assertThat(List.of(syncs.status(first), syncs.status(second))).containsOnly("failed");
        Pages.Page failures = fragment("/admin/sync/failures");
        assertThat(failures.body())
                .contains("id=\"retry-all\"", "data-sync-id=\"" + first + "\"", "data-sync-id=\"" + second + "\"");

        syncs.mend(service);
        Pages.Page page = pages.postForm(
                "/admin/sync/failures/retry",
                List.of(
                        Pages.SESSION + "=" + admin,
                        "XSRF-TOKEN=" + failures.cookieValue("XSRF-TOKEN").orElseThrow()),
                Map.of("_csrf", failures.csrfField()));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/admin#sync-failures");
        awaitDrained(Duration.ofSeconds(10));
        assertThat(List.of(syncs.status(first), syncs.status(second))).containsOnly("delivered");
    }

    @Test
    void theLogFiltersNarrowTheRowsAndPageThroughTheCursor() {
        UUID busy = UUID.randomUUID();
        for (int revision = 1; revision <= 13; revision++) {
            syncs.delivered(busy, revision % 2 == 0 ? "PREMIUM" : "BASIC", revision);
        }
        UUID other = UUID.randomUUID();
        syncs.request(other, syncs.brokenService());
        awaitDrained(Duration.ofSeconds(10));

        List<String[]> mine = rows(fragment("/admin/sync/log?mvpUserId=" + busy).body());
        assertThat(mine)
                .as("a page of the log: 25 entries")
                .hasSize(25)
                .allSatisfy(r -> assertThat(r[3]).isEqualTo(busy.toString()));

        List<String[]> failedRows =
                rows(fragment("/admin/sync/log?status=FAILED").body());
        assertThat(failedRows).isNotEmpty().allSatisfy(r -> assertThat(r[1]).isEqualTo("failed"));
        assertThat(failedRows).anySatisfy(r -> assertThat(r[3]).isEqualTo(other.toString()));

        List<String[]> created = rows(fragment("/admin/sync/log?mvpUserId=" + busy + "&operation=create&status=success")
                .body());
        assertThat(created).singleElement().satisfies(r -> assertThat(r[2]).isEqualTo("create"));

        List<String> apiIds = new ArrayList<>();
        this.api
                .get("/api/sync/logs?limit=200&mvpUserId=" + busy, admin)
                .json()
                .get("items")
                .forEach(item -> apiIds.add(item.get("id").asString()));
        assertThat(apiIds).as("13 requests, 13 deliveries and the link").hasSize(27);
        Pages.Page first = fragment("/admin/sync/log?mvpUserId=" + busy);
        Matcher older = OLDER.matcher(first.body());
        assertThat(older.find()).as("an Older button").isTrue();
        Pages.Page second = fragment(older.group(1).replace("&amp;", "&"));
        List<String> shown = new ArrayList<>();
        rows(first.body()).forEach(r -> shown.add(r[0]));
        rows(second.body()).forEach(r -> shown.add(r[0]));
        assertThat(shown)
                .as("the two pages are the user's log, newest first, as the API has it")
                .isEqualTo(apiIds);
        assertThat(second.body()).contains("id=\"log-newest\"").doesNotContain("id=\"log-older\"");
    }

    @Test
    void badLogFiltersAreExplainedInTheFragment() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/admin/sync/log?mvpUserId=not-a-uuid", "MVP user id &#39;not-a-uuid&#39; is not a UUID");
        cases.put("/admin/sync/log?status=bogus", "Status &#39;bogus&#39; is not one of success, failed");
        cases.put("/admin/sync/log?operation=explode", "Operation &#39;explode&#39; is not one of create, update");
        cases.put("/admin/sync/log?cursor=%25%25garbage", "The paging position is not one this page handed out");
        cases.forEach((path, message) -> {
            Pages.Page page = fragment(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body())
                    .as(path)
                    .contains("id=\"sync-log\"", "role=\"alert\"", message)
                    .doesNotContain("<table", "Exception");
        });
    }

    @Test
    void theSyncFragmentsAreForServiceRoleOnly() {
        UUID tenant = new Tenants(api).open("pro", Map.of());
        for (String path : List.of("/admin/sync/health", "/admin/sync/failures", "/admin/sync/log")) {
            assertThat(pages.signedIn(path, Tokens.userOf(tenant), "HX-Request", "true")
                            .status())
                    .as(path)
                    .isEqualTo(403);
            Pages.Page signedOut = pages.get(path, List.of(), "HX-Request", "true");
            assertThat(signedOut.status()).as(path).isEqualTo(401);
            assertThat(signedOut.header("HX-Redirect")).contains("/login");
        }
        String user = Tokens.userOf(tenant);
        Pages.Page own = pages.signedIn("/tenant/subscriptions", user);
        Pages.Page post = pages.postForm(
                "/admin/sync/failures/retry",
                List.of(
                        Pages.SESSION + "=" + user,
                        "XSRF-TOKEN=" + own.cookieValue("XSRF-TOKEN").orElseThrow()),
                Map.of("_csrf", own.csrfField()),
                "HX-Request",
                "true");
        assertThat(post.status()).as("a tenant user with a valid CSRF token").isEqualTo(403);
        assertThat(post.header("HX-Trigger")).isEmpty();
    }

    private Pages.Page fragment(String path) {
        Pages.Page page = pages.signedIn(path, admin, "HX-Request", "true");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page;
    }

    /** The figures of the tiles by name; null for a tile without a value. */
    private static Map<String, String> figures(String html) {
        Map<String, String> figures = new LinkedHashMap<>();
        Matcher matcher = FIGURE.matcher(html);
        while (matcher.find()) {
            figures.put(matcher.group(1), matcher.group(2));
        }
        return figures;
    }

    /** The numbers of a chart's data-values. */
    private static List<Long> values(String html, String canvasId) {
        Matcher matcher = Pattern.compile("id=\"" + canvasId + "\"[^>]*data-values=\"([^\"]*)\"")
                .matcher(html);
        assertThat(matcher.find()).as(canvasId + " with data-values").isTrue();
        List<Long> values = new ArrayList<>();
        JsonMapper.builder().build().readTree(matcher.group(1)).forEach(n -> values.add(n.asLong()));
        return values;
    }

    /** The log rows: id, status, operation, MVP user id. */
    private static List<String[]> rows(String html) {
        List<String[]> rows = new ArrayList<>();
        Matcher matcher = LOG_ROW.matcher(html);
        while (matcher.find()) {
            rows.add(new String[] {matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)});
        }
        return rows;
    }

    private static String row(String html, UUID syncId) {
        int start = html.indexOf("data-sync-id=\"" + syncId + "\"");
        assertThat(start).as("a row for " + syncId).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
