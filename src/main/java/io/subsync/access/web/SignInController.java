package io.subsync.access.web;

import io.subsync.access.Caller;
import io.subsync.problems.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /login}: a link with {@code ?token=<JWT>} (or the pasted token) opens a session and lands on the holder's
 * page; without a token, the sign-in page says how to get one. {@code POST /logout} is Spring Security's.
 */
@PageController
@ConditionalOnWebApplication
class SignInController {
    private final SignIn signIn;
    private final Clock clock;

    SignInController(SignIn signIn, Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Jwt jwt) {
        return "redirect:" + (jwt == null ? SignedOutResponses.SIGN_IN : SignIn.home(Caller.of(jwt)));
    }

    @GetMapping("/login")
    String page(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String expired,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (token != null) {
            return open(token, request, response);
        }
        if (expired != null) {
            model.addAttribute(
                    "notice", "Your session has ended: its token expired or is no longer valid. Sign in again.");
        } else if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "login";
    }

    @PostMapping("/login")
    String pasted(
            @RequestParam(required = false) String token, HttpServletRequest request, HttpServletResponse response) {
        return open(token == null ? "" : token, request, response);
    }

    private String open(String token, HttpServletRequest request, HttpServletResponse response) {
        SignIn.Session session = signIn.verify(token);
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                SessionCookie.open(session.token(), session.expiresAt(), clock.instant(), request.isSecure())
                        .toString());
        return "redirect:" + session.home();
    }

    @ExceptionHandler(SignInRefused.class)
    ModelAndView refused(SignInRefused e) {
        ModelAndView page = new ModelAndView("login");
        page.setStatus(e.status());
        page.addObject("error", e.getMessage());
        return page;
    }
}
