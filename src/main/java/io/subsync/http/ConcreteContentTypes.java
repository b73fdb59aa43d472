package io.subsync.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A body must say what it is: a {@code Content-Type} of {@code *}{@code /*} or {@code application/*} names no media type, and Spring fails on
 * it deep inside reading the body, as a 500. Refused before the handler runs, as 415 like any type an endpoint does
 * not read (problem details for the API, an error page for a page).
 */
@Component
@ConditionalOnWebApplication
class ConcreteContentTypes implements HandlerInterceptor, WebMvcConfigurer {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        String contentType = request.getContentType();
        if (contentType != null && WITH_BODY.contains(request.getMethod()) && wildcard(contentType)) {
            throw new HttpMediaTypeNotSupportedException("Content-Type '" + contentType + "' names no media type");
        }
        return true;
    }

    private static boolean wildcard(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparsable) {
            // Spring answers these 415 itself.
            return false;
        }
    }
}
