package io.subsync.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * What a page answers when the visitor is not signed in (to the sign-in page; a session whose token expired or was
 * refused is dropped on the way) or may not see it (the 403 error page). htmx requests get the status with an
 * {@code HX-Redirect} header instead, so a fragment never swaps the sign-in page into a card.
 */
final class SignedOutResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String SIGN_IN = "/login";
    static final String SESSION_ENDED = SIGN_IN + "?expired";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String target = SIGN_IN;
        if (e instanceof OAuth2AuthenticationException) {
            response.addHeader(
                    HttpHeaders.SET_COOKIE,
                    SessionCookie.closed(request.isSecure()).toString());
            target = SESSION_ENDED;
        }
        String location = request.getContextPath() + target;
        if (fromHtmx(request)) {
            response.setHeader("HX-Redirect", location);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        response.sendRedirect(location);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        response.sendError(HttpStatus.FORBIDDEN.value());
    }

    private static boolean fromHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
