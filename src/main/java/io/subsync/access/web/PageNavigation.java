package io.subsync.access.web;

import io.subsync.access.Caller;
import io.subsync.problems.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The pages a signed-in visitor can go to, for the top bar of every page ({@code nav} in the model): the tenant's
 * subscriptions for a tenant user, their own sync page for every signed-in user, the admin page for service_role.
 * Not signed in (the magic link's landing page opened without a session), there is nothing to offer.
 */
@ControllerAdvice(annotations = PageController.class)
@ConditionalOnWebApplication
class PageNavigation {

    /** One link of the top bar; {@code current} when it is the page shown ({@code aria-current="page"}). */
    record Link(String path, String label, boolean current) {}

    /** Who is signed in (e-mail, else the token's subject) and where they can go; empty when nobody is. */
    record Navigation(boolean signedIn, String who, List<Link> links) {}

    @ModelAttribute("nav")
    Navigation navigation(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        if (jwt == null) {
            return new Navigation(false, null, List.of());
        }
        Caller caller = Caller.of(jwt);
        String here = request.getRequestURI().substring(request.getContextPath().length());
        List<Link> links = new ArrayList<>();
        if (caller.isServiceRole()) {
            links.add(new Link(SignIn.ADMIN_HOME, "Admin", here.equals(SignIn.ADMIN_HOME)));
        } else if (caller.tenantId().isPresent()) {
            links.add(new Link(SignIn.TENANT_HOME, "Subscriptions", here.equals(SignIn.TENANT_HOME)));
        }
        links.add(new Link(SignIn.ACCOUNT_HOME, "My sync", here.equals(SignIn.ACCOUNT_HOME)));
        String email = jwt.getClaimAsString("email");
        return new Navigation(true, email != null ? email : caller.subject(), List.copyOf(links));
    }
}
