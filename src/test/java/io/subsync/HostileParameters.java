package io.subsync;

import io.subsync.HostileRequests.Case;
import io.subsync.HostileRequests.Draft;
import io.subsync.HostileRequests.Expect;
import io.subsync.HostileRequests.MasterSignatureHeader;
import io.subsync.support.ApiOperation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hostile parameters of an operation, in the OpenAPI sense: headers (non-ASCII, control characters, oversized), the
 * query (bad percent-encoding, blank and malformed UUIDs, wrong types and huge numbers for the declared parameters),
 * the path (encoded slashes, NULs, dot segments, blank and malformed UUIDs) and the credentials.
 */
final class HostileParameters {
    private static final List<String> NON_ASCII = List.of("請求-✓", "ключ", "é", "😀", "\u00ff\u00fe");
    private static final List<String> BAD_QUERIES =
            List.of("%zz=1", "cursor=%ff", "x=%", "%=1", "a=%e2%82", "%00=1", "a=b&%zz");
    private static final List<String> BAD_QUERY_VALUES = List.of("%ff", "%zz", "%", "%e2%82", "%00", "%C0%AF");
    private static final List<String> BAD_PATH_VALUES =
            List.of("%2F", "%00", "%2e%2e", "a%2Fb", "..", "%zz", "%ff", "%", "%5C", "%3B", "%252F", "%e2%82");
    private final HostileRequests requests;

    HostileParameters(HostileRequests requests) {
        this.requests = requests;
    }

    void headerCases(ApiOperation operation, Map<String, List<Case>> byClass) {
        List<String> names = new ArrayList<>(operation.parameters("header").stream()
                .map(ApiOperation.Parameter::name)
                .toList());
        if (!names.contains("X-Request-Id")) {
            names.add("X-Request-Id");
        }
        for (String name : names) {
            for (String value : NON_ASCII) {
                String sent = name.equals(MasterSignatureHeader.NAME) ? MasterSignatureHeader.withV1(value) : value;
                add(
                        byClass,
                        requests.draft(operation).header(name, sent),
                        value.equals(NON_ASCII.get(0)),
                        "non-ascii-header",
                        name + ": " + sent,
                        Expect.ANSWERED);
            }
            for (String value : List.of("a\u0001b", "a\u007fb", "a\u0000b")) {
                add(
                        byClass,
                        requests.draft(operation).header(name, value),
                        false,
                        "control-char-header",
                        name + ": " + value.replace("\u0000", "\\0"),
                        Expect.ANSWERED);
            }
            add(
                    byClass,
                    requests.draft(operation).header(name, "h".repeat(3_000)),
                    false,
                    "oversized-header",
                    name + ": 3,000 characters",
                    Expect.ANSWERED);
            add(
                    byClass,
                    requests.draft(operation).header(name, "h".repeat(9_000)),
                    name.equals("X-Request-Id"),
                    "oversized-header",
                    name + ": 9,000 characters (over Tomcat's 8 KiB)",
                    Expect.ANSWERED);
        }
        add(
                byClass,
                requests.draft(operation).header("Authorization", "Bearer ключ"),
                false,
                "non-ascii-header",
                "Authorization: Bearer ключ",
                Expect.ANSWERED);
        add(
                byClass,
                requests.draft(operation).header("Authorization", "Bearer " + "x".repeat(9_000)),
                false,
                "oversized-header",
                "Authorization: Bearer + 9,000 characters",
                Expect.ANSWERED);
        Draft many = requests.draft(operation);
        for (int i = 0; i < 100; i++) {
            many.header("X-Fuzz-" + i, "v".repeat(100));
        }
        add(byClass, many, false, "oversized-header", "100 headers of 100 bytes", Expect.ANSWERED);
    }

    void queryCases(ApiOperation operation, Map<String, List<Case>> byClass) {
        for (String query : BAD_QUERIES) {
            add(
                    byClass,
                    requests.draft(operation).query(query),
                    BAD_QUERIES.indexOf(query) < 2,
                    "bad-percent-query",
                    "?" + query,
                    Expect.ANSWERED);
        }
        for (ApiOperation.Parameter parameter : operation.parameters("query")) {
            String name = parameter.name();
            for (String value : BAD_QUERY_VALUES) {
                query(byClass, operation, name, value, false, "bad-percent-query", Expect.ANSWERED);
            }
            if (parameter.isUuid()) {
                for (String value : List.of("", "%20", "%20%20")) {
                    query(byClass, operation, name, value, value.isEmpty(), "blank-uuid", Expect.REFUSED);
                }
                for (String value : HostileValues.MALFORMED_UUIDS) {
                    query(
                            byClass,
                            operation,
                            name,
                            URLEncoder.encode(value, StandardCharsets.UTF_8),
                            false,
                            "malformed-uuid",
                            Expect.REFUSED);
                }
            }
            if (HostileValues.type(parameter.schema()).equals("integer")) {
                for (String value : List.of("1.5", "abc", "true")) {
                    query(byClass, operation, name, value, false, "wrong-type", Expect.REFUSED);
                }
                for (String value : List.of("99999999999999999999", "-99999999999999999999", "2147483648", "1e400")) {
                    query(byClass, operation, name, value, false, "huge-number", Expect.REFUSED);
                }
                query(byClass, operation, name, "", false, "coercible-type", Expect.ANSWERED);
            }
        }
    }

    void pathCases(ApiOperation operation, Map<String, List<Case>> byClass) {
        for (ApiOperation.Parameter parameter : operation.parameters("path")) {
            for (String value : BAD_PATH_VALUES) {
                path(
                        byClass,
                        operation,
                        parameter,
                        value,
                        BAD_PATH_VALUES.indexOf(value) < 3,
                        "bad-percent-path",
                        Expect.ANSWERED);
            }
            if (parameter.isUuid()) {
                for (String value : List.of("%20", "%20%20%09")) {
                    path(byClass, operation, parameter, value, false, "blank-uuid", Expect.REFUSED);
                }
                for (String value : HostileValues.MALFORMED_UUIDS) {
                    path(
                            byClass,
                            operation,
                            parameter,
                            URLEncoder.encode(value, StandardCharsets.UTF_8),
                            false,
                            "malformed-uuid",
                            Expect.REFUSED);
                }
            }
        }
        String path = requests.draft(operation).path();
        int slash = path.lastIndexOf('/');
        List<String> changed = List.of(
                path + "/%2e%2e",
                path + "%00",
                path.substring(0, slash) + "%2F" + path.substring(slash + 1),
                path + "%zz",
                "/%2e%2e" + path,
                path + "%ff",
                path + ";jsessionid=x",
                path + "/");
        for (String target : changed) {
            add(
                    byClass,
                    requests.draft(operation).path(target),
                    target.equals(changed.get(0)),
                    "bad-percent-path",
                    target,
                    Expect.ANSWERED);
        }
    }

    void credentialCases(ApiOperation operation, Map<String, List<Case>> byClass) {
        HostileRequests.Fixture fixture = requests.fixture();
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("no Authorization", null);
        credentials.put("Bearer not.a.jwt", "Bearer not.a.jwt");
        credentials.put("an expired user token", "Bearer " + fixture.expiredToken());
        credentials.put("a token signed with another secret", "Bearer " + fixture.foreignToken());
        credentials.put("Basic credentials", "Basic Zm9vOmJhcg==");
        credentials.put("an empty bearer token", "Bearer ");
        credentials.put("the fixture user's token", "Bearer " + fixture.userToken());
        credentials.put("another user's token", "Bearer " + fixture.otherUserToken());
        credentials.put(
                "a service_role token", "Bearer " + fixture.serviceToken().get());
        credentials.put(
                "a service_role token, scheme in lower case",
                "bearer " + fixture.serviceToken().get());
        for (Map.Entry<String, String> credential : credentials.entrySet()) {
            add(
                    byClass,
                    requests.draft(operation).authorization(credential.getValue()),
                    false,
                    "credentials",
                    credential.getKey(),
                    Expect.ANSWERED);
        }
    }

    private void query(
            Map<String, List<Case>> byClass,
            ApiOperation operation,
            String name,
            String value,
            boolean pinned,
            String inputClass,
            Expect expect) {
        add(
                byClass,
                requests.draft(operation).param(name, value),
                pinned,
                inputClass,
                "?" + name + "=" + value,
                expect);
    }

    private void path(
            Map<String, List<Case>> byClass,
            ApiOperation operation,
            ApiOperation.Parameter parameter,
            String value,
            boolean pinned,
            String inputClass,
            Expect expect) {
        Map<String, String> values = new LinkedHashMap<>(requests.pathValues());
        values.put(parameter.name(), value);
        add(
                byClass,
                requests.draft(operation).path(operation.path(values)),
                pinned,
                inputClass,
                "{" + parameter.name() + "} = " + value,
                expect);
    }

    private static void add(
            Map<String, List<Case>> byClass,
            Draft draft,
            boolean pinned,
            String inputClass,
            String input,
            Expect expect) {
        HostileRequests.add(byClass, (pinned ? draft.pinned() : draft).as(inputClass, input, expect));
    }
}
