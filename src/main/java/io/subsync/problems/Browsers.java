package io.subsync.problems;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Who gets the error page rather than a problem document: a browser navigating to a path that is not the API's. A
 * browser is a request whose {@code Accept} ranks {@code text/html} above JSON (a browser's navigation sends {@code
 * text/html,application/xhtml+xml,…,*}{@code /*;q=0.8}; curl's {@code *}{@code /*} and API clients' JSON do not). The
 * API's paths keep problem details for everyone, so a script reading them never gets HTML.
 */
public final class Browsers {
    private static final List<String> API_PATHS =
            List.of("/api/", "/sync-subscription", "/webhooks/", "/actuator", "/v3/", "/swagger-ui", "/error");

    private Browsers() {}

    public static boolean wantPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return API_PATHS.stream().noneMatch(path::startsWith) && prefersHtml(request.getHeader("Accept"));
    }

    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        // By quality, highest first; equal qualities keep the order the client gave.
        types = types.stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .toList();
        for (MediaType type : types) {
            if (type.isWildcardType()) {
                return false;
            }
            if (MediaType.TEXT_HTML.isCompatibleWith(type) && !type.isWildcardSubtype()) {
                return true;
            }
            if (type.getSubtype().endsWith("json")) {
                return false;
            }
        }
        return false;
    }
}
