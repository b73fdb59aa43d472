package io.subsync.tenancy.web;

import io.subsync.problems.ErrorPage;
import io.subsync.problems.PageController;
import io.subsync.tenancy.domain.NoTenantInToken;
import io.subsync.tenancy.domain.UnknownSubscription;
import io.subsync.tenancy.domain.UnknownTenant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Tenancy's errors on the pages, as error pages (the API answers the same errors with {@link TenancyProblems}). */
@ControllerAdvice(annotations = PageController.class)
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class TenancyPageProblems {

    @ExceptionHandler(UnknownSubscription.class)
    ModelAndView unknownSubscription() {
        return ErrorPage.of(HttpStatus.NOT_FOUND, "Your tenant has no such subscription.");
    }

    @ExceptionHandler(UnknownTenant.class)
    ModelAndView unknownTenant() {
        return ErrorPage.of(HttpStatus.NOT_FOUND, "The tenant named in your token does not exist (any more).");
    }

    @ExceptionHandler(NoTenantInToken.class)
    ModelAndView noTenant() {
        return ErrorPage.of(HttpStatus.FORBIDDEN, "Your token names no tenant (no tenant_id claim).");
    }
}
