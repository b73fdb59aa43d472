package io.subsync.access;

import io.subsync.problems.Problems;
import io.subsync.problems.RequestRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** 401 and 403 as RFC 9457 problem details, with the {@code WWW-Authenticate} header of RFC 6750. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail = e instanceof InvalidBearerTokenException
                ? "The bearer token is not valid: " + e.getMessage()
                : e instanceof MasterKeySecurity.MasterKeyRefused
                        ? e.getMessage()
                        : "A bearer token is required (Authorization: Bearer <JWT>).";
        response.setHeader(
                "WWW-Authenticate",
                e instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail, request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(
                response,
                HttpStatus.FORBIDDEN,
                "Forbidden",
                "Your role may not do this; it needs a service_role token or a token of the owning user.",
                request);
    }

    /**
     * A request the firewall refuses: a header it names ({@link RejectedHeader}), or else its method or URL (an encoded
     * ';', '%', '/', '..'): 400, without echoing the request back.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        if (e instanceof RequestRefusal named) {
            Problems.write(response, named.getBody());
            return;
        }
        write(
                response,
                HttpStatus.BAD_REQUEST,
                "Bad Request",
                "The request's method or URL holds characters or "
                        + "sequences the service does not accept (an encoded ';', '%', '/' or '\\', or '..').",
                null);
    }

    private static void write(
            HttpServletResponse response, HttpStatus status, String title, String detail, HttpServletRequest request)
            throws IOException {
        ProblemDetail problem = Problems.of(status, title, detail);
        try {
            problem.setInstance(request == null ? null : URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // no instance, rather than no answer
        }
        Problems.write(response, problem);
    }
}
