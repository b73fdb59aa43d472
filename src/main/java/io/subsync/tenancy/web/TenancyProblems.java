package io.subsync.tenancy.web;

import io.subsync.problems.Problems;
import io.subsync.tenancy.domain.InvalidTenantValue;
import io.subsync.tenancy.domain.NoTenantInToken;
import io.subsync.tenancy.domain.NotTenantAdmin;
import io.subsync.tenancy.domain.TenantAlreadyExists;
import io.subsync.tenancy.domain.UnknownSubscription;
import io.subsync.tenancy.domain.UnknownTenant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Tenancy's errors as RFC 9457 problem details. */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(0)
class TenancyProblems {

    @ExceptionHandler(InvalidTenantValue.class)
    ProblemDetail invalid(InvalidTenantValue e) {
        return Problems.field(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid value", e.field(), e.getMessage());
    }

    @ExceptionHandler(UnknownTenant.class)
    ProblemDetail unknown(UnknownTenant e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Unknown tenant", e.getMessage());
    }

    @ExceptionHandler(UnknownSubscription.class)
    ProblemDetail unknownSubscription(UnknownSubscription e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Unknown subscription", e.getMessage());
    }

    @ExceptionHandler(TenantAlreadyExists.class)
    ProblemDetail exists(TenantAlreadyExists e) {
        return Problems.field(HttpStatus.CONFLICT, "Tenant exists", "id", e.getMessage());
    }

    @ExceptionHandler(NotTenantAdmin.class)
    ProblemDetail notAdmin(NotTenantAdmin e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Not a tenant admin", e.getMessage());
    }

    @ExceptionHandler(NoTenantInToken.class)
    ProblemDetail noTenant(NoTenantInToken e) {
        return Problems.of(HttpStatus.FORBIDDEN, "No tenant in token", e.getMessage());
    }
}
