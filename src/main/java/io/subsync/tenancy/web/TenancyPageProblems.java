package io.subsync.tenancy.web;

import io.subsync.catalog.InvalidCatalogValue;
import io.subsync.catalog.UnknownProduct;
import io.subsync.problems.ErrorPage;
import io.subsync.problems.PageController;
import io.subsync.tenancy.domain.InvalidTenantValue;
import io.subsync.tenancy.domain.NoTenantInToken;
import io.subsync.tenancy.domain.NotTenantAdmin;
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

    @ExceptionHandler(NotTenantAdmin.class)
    ModelAndView notAdmin() {
        return ErrorPage.of(HttpStatus.FORBIDDEN, "Only your tenant's admin can change the plan and the products.");
    }

    /** A crafted change (the page's own forms send valid ones): said, never a 500. */
    @ExceptionHandler({InvalidTenantValue.class, InvalidCatalogValue.class, UnknownProduct.class})
    ModelAndView invalidChange(RuntimeException e) {
        return ErrorPage.of(HttpStatus.UNPROCESSABLE_CONTENT, "This change cannot be made: " + e.getMessage());
    }

    @ExceptionHandler(NoTenantInToken.class)
    ModelAndView noTenant() {
        return ErrorPage.of(HttpStatus.FORBIDDEN, "Your token names no tenant (no tenant_id claim).");
    }
}
