package io.subsync.linking.web;

import io.subsync.linking.InspectMagicLink;
import io.subsync.linking.domain.TokenState;
import io.subsync.linking.domain.TooManyAttempts;
import io.subsync.problems.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /link?token=…}: the landing page of a magic link, for anyone holding it (no sign-in). It explains the link
 * and shows whether it is valid, expired, used or unknown, without using it. The page is never cached and sends no
 * referrer, so the token in its address goes nowhere else.
 */
@PageController
@ConditionalOnWebApplication
class LinkPage {
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private final InspectMagicLink inspect;

    LinkPage(InspectMagicLink inspect) {
        this.inspect = inspect;
    }

    @GetMapping("/link")
    String page(
            @RequestParam(required = false) String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        keepPrivate(response);
        TokenState state = inspect.inspect(token, "ip:" + request.getRemoteAddr());
        model.addAttribute("state", state.state().name().toLowerCase(Locale.ROOT));
        state.expiresAt().ifPresent(at -> {
            model.addAttribute("expiresAt", at.toString());
            model.addAttribute("expiresAtText", SHOWN.format(at));
        });
        if (state.state() == TokenState.State.UNKNOWN) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        } else if (state.state() != TokenState.State.VALID) {
            response.setStatus(HttpStatus.GONE.value());
        }
        return "link";
    }

    @ExceptionHandler(TooManyAttempts.class)
    ModelAndView tooMany(TooManyAttempts e, HttpServletResponse response) {
        keepPrivate(response);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        ModelAndView page = new ModelAndView("link");
        page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("state", "too_many");
        return page;
    }

    private static void keepPrivate(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
