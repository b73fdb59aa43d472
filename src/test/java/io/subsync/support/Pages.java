package io.subsync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The HTML pages over plain HTTP, as a browser without JavaScript would see them: cookies are passed by hand and
 * redirects are not followed, so tests can look at each step of signing in and out.
 */
public final class Pages {
    public static final String SESSION = "subsync_session";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Pages(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Page(int status, Map<String, List<String>> headers, String body) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        /** The redirect target's path and query, e.g. {@code /login?expired}. */
        public String location() {
            String location = header("Location").orElseThrow(() -> new AssertionError("no Location header: " + this));
            return location.replaceFirst("^https?://[^/]+", "");
        }

        /** The Set-Cookie header for a cookie name, whole (with its attributes). */
        public Optional<String> setCookie(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                    .flatMap(e -> e.getValue().stream())
                    .filter(c -> c.startsWith(name + "="))
                    .findFirst();
        }

        /** The value a Set-Cookie header gives a cookie. */
        public Optional<String> cookieValue(String name) {
            return setCookie(name)
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
        }

        /** The cookies a signed-in form post of this page carries: the session, and the CSRF cookie the page set. */
        public List<String> sessionAndCsrfCookies(String token) {
            return List.of(
                    SESSION + "=" + token,
                    "XSRF-TOKEN=" + cookieValue("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no CSRF cookie")));
        }

        /** The CSRF token of the page's first form. */
        public String csrfField() {
            Matcher matcher = CSRF_FIELD.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no _csrf field on the page: " + body);
            }
            return matcher.group(1);
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }

    /** GET with the given cookies ({@code name=value}) and extra headers (name, value, name, value, …). */
    public Page get(String path, List<String> cookies, String... headers) {
        HttpRequest.Builder request = request(path, cookies, headers).GET();
        return send(request);
    }

    /** GET signed in with this token as the session cookie. */
    public Page signedIn(String path, String token, String... headers) {
        return get(path, List.of(SESSION + "=" + token), headers);
    }

    public Page get(String path) {
        return get(path, List.of());
    }

    /** POST of a form (application/x-www-form-urlencoded), with extra headers (name, value, name, value, …). */
    public Page postForm(String path, List<String> cookies, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, cookies, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, List<String> cookies, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            builder.header("Cookie", String.join("; ", new ArrayList<>(cookies)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Page send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
