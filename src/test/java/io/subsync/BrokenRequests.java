package io.subsync;

import io.subsync.HostileRequests.Case;
import io.subsync.HostileRequests.Expect;
import io.subsync.support.ApiOperation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requests that are wrong before any body is read: a method the path does not have, and request lines or framing
 * that are not HTTP/1.1 (sent as raw bytes). Made once per path, not once per operation.
 */
final class BrokenRequests {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE");
    private final List<ApiOperation> operations;
    private final HostileRequests requests;
    private final Set<String> pathsDone = new HashSet<>();

    BrokenRequests(List<ApiOperation> operations, HostileRequests requests) {
        this.operations = operations;
        this.requests = requests;
    }

    void cases(ApiOperation operation, Map<String, List<Case>> byClass) {
        if (!pathsDone.add(operation.path())) {
            return;
        }
        String path = requests.draft(operation).path();
        // A page (not in the document) has the page chain in front, whose CSRF check refuses unsafe methods first.
        boolean documented = operations.contains(operation);
        for (String method : METHODS) {
            if (method.equals(operation.method())
                    || operations.stream()
                            .anyMatch(o -> o.path().equals(operation.path())
                                    && o.method().equals(method))) {
                continue;
            }
            // Another template may take the method on this path (PUT /api/account-links/validate is {mvpUserId}).
            boolean elsewhere = operations.stream().anyMatch(o -> o.method().equals(method) && o.matches(path));
            HostileRequests.Draft draft = requests.draft(operation)
                    .method(method)
                    .authorization("Bearer " + requests.fixture().serviceToken().get());
            Expect expect = elsewhere || !documented ? Expect.ANSWERED : Expect.METHOD_NOT_ALLOWED;
            HostileRequests.add(
                    byClass,
                    (method.equals("TRACE") ? draft.pinned() : draft).as("wrong-method", method + " " + path, expect));
        }
        HostileRequests.add(
                byClass, requests.draft(operation).method("FOO").as("wrong-method", "FOO " + path, Expect.ANSWERED));
        rawCases(operation, path, byClass);
    }

    private void rawCases(ApiOperation operation, String path, Map<String, List<Case>> byClass) {
        String m = operation.method();
        String host = "Host: " + requests.fixture().host();
        String auth =
                "Authorization: Bearer " + requests.fixture().serviceToken().get();
        HostileRequests.add(
                byClass,
                new Case(
                        m,
                        operation.path(),
                        "bad-request-line",
                        "no Host header",
                        Expect.ANSWERED,
                        bytes(m + " " + path + " HTTP/1.1", "Connection: close"),
                        true));
        raw(byClass, operation, "a space in the target", m + " " + path + " x HTTP/1.1", host);
        raw(byClass, operation, "HTTP/9.9", bytes(m + " " + path + " HTTP/9.9", host), Expect.VERSION_NOT_SUPPORTED);
        raw(byClass, operation, "no HTTP version", m + " " + path);
        raw(byClass, operation, "a control character in the target", m + " " + path + "\u0001 HTTP/1.1", host);
        raw(
                byClass,
                operation,
                "absolute form with another host",
                m + " http://other.example" + path + " HTTP/1.1",
                host,
                "Connection: close");
        raw(byClass, operation, "Content-Length: abc", m + " " + path + " HTTP/1.1", host, auth, "Content-Length: abc");
        raw(
                byClass,
                operation,
                "two Content-Length values",
                m + " " + path + " HTTP/1.1",
                host,
                auth,
                "Content-Length: 2",
                "Content-Length: 3");
        raw(
                byClass,
                operation,
                "a broken chunk",
                m + " " + path + " HTTP/1.1",
                host,
                auth,
                "Content-Type: application/json",
                "Transfer-Encoding: chunked",
                "Connection: close\r\n\r\nzz\r\n{}\r\n0");
        raw(byClass, operation, "a header line without a colon", m + " " + path + " HTTP/1.1", host, "Not a header");
        raw(byClass, operation, "two Host headers", m + " " + path + " HTTP/1.1", host, "Host: other.example");
        raw(byClass, operation, "a folded header", m + " " + path + " HTTP/1.1", host, "X-Request-Id: a", " b");
        raw(
                byClass,
                operation,
                "a 70,000-character target",
                m + " " + path + "?q=" + "q".repeat(70_000) + " HTTP/1.1",
                host);
        raw(
                byClass,
                operation,
                "a method in lower case",
                m.toLowerCase(java.util.Locale.ROOT) + " " + path + " HTTP/1.1",
                host,
                auth,
                "Connection: close");
        ByteArrayOutputStream withFf = new ByteArrayOutputStream();
        withFf.writeBytes((m + " " + path).getBytes(StandardCharsets.US_ASCII));
        withFf.write(0xFF);
        withFf.writeBytes(bytes(" HTTP/1.1", host));
        raw(byClass, operation, "a byte 0xFF in the target", withFf.toByteArray(), Expect.ANSWERED);
        if (pathsDone.size() == 1) {
            raw(byClass, operation, "not HTTP at all", "GARBAGE");
            raw(
                    byClass,
                    operation,
                    "a TLS ClientHello",
                    new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03},
                    Expect.ANSWERED);
            raw(byClass, operation, "a NUL in the method", "G\u0000ET / HTTP/1.1", host);
        }
    }

    /** A request line and header lines, each ended by CRLF, then the empty line. */
    private static byte[] bytes(String requestLine, String... headerLines) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void raw(
            Map<String, List<Case>> byClass,
            ApiOperation operation,
            String input,
            String requestLine,
            String... headerLines) {
        raw(byClass, operation, input, bytes(requestLine, headerLines), Expect.ANSWERED);
    }

    private static void raw(
            Map<String, List<Case>> byClass, ApiOperation operation, String input, byte[] request, Expect expect) {
        HostileRequests.add(
                byClass,
                new Case(operation.method(), operation.path(), "bad-request-line", input, expect, request, false));
    }
}
