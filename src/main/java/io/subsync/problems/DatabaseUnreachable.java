package io.subsync.problems;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.ModelAndView;

/**
 * The answer to a request that needed the database while it was unreachable ({@code DatabaseUnavailable}): 503 with
 * {@code Retry-After}, as a problem document to the API and as the error page to a browser, the same wherever the
 * failure is caught. Not logged per request: the health check logs once when the database goes away and once when
 * it is back (docs/operations.md).
 */
final class DatabaseUnreachable {
    /** A few health checks' worth: long enough not to hammer a database that is coming back, short for a restart. */
    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnreachable() {}

    static ProblemDetail problem(HttpServletResponse response) {
        retryAfter(response);
        return Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Database unavailable",
                "The service cannot reach its database at the moment; try again in " + RETRY_AFTER_SECONDS
                        + " seconds.");
    }

    static ModelAndView page(HttpServletResponse response) {
        retryAfter(response);
        return ErrorPage.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database at the moment, so this could not be done. Try again in a few"
                        + " seconds.");
    }

    private static void retryAfter(HttpServletResponse response) {
        if (response != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
    }
}
