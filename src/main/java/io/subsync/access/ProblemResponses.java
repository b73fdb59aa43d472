package io.subsync.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as RFC 9457 problem details, with the {@code WWW-Authenticate} header of RFC 6750. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {
    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail = e instanceof InvalidBearerTokenException
                ? "The bearer token is not valid: " + e.getMessage()
                : e instanceof MasterKeySecurity.MasterKeyRefused ? e.getMessage()
                : "A bearer token is required (Authorization: Bearer <JWT>).";
        response.setHeader("WWW-Authenticate", e instanceof InvalidBearerTokenException
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail, request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your role may not do this; it needs a service_role token or a token of the owning user.", request);
    }

    /** A URL the firewall refuses (an encoded ';', '%', '/', '..'): 400, without echoing the URL back. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(response, HttpStatus.BAD_REQUEST, "Bad Request", "The request URL contains characters or sequences "
                + "the service does not accept (an encoded ';', '%', '/' or '\\', or '..').", null);
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail,
                       HttpServletRequest request) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        if (request != null) {
            body.put("instance", request.getRequestURI());
        }
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
