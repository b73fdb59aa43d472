package io.subsync.sync.outbound.web;

import io.subsync.problems.Problems;
import io.subsync.sync.mapping.UnknownPlanMapping;
import io.subsync.sync.outbound.domain.IdempotencyKeyConflict;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Recording a sync's errors as RFC 9457 problem details: an unmapped plan (422), a reused Idempotency-Key (422, or 409 while it runs). */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(0)
class OutboundProblems {

    @ExceptionHandler(UnknownPlanMapping.class)
    ProblemDetail unmapped(UnknownPlanMapping e) {
        return Problems.field(
                HttpStatus.UNPROCESSABLE_CONTENT, "Unmapped service plan", "subscriptionData.planCode", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyConflict.class)
    ProblemDetail keyConflict(IdempotencyKeyConflict e) {
        return Problems.field(
                e.stillRunning() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                "Idempotency-Key conflict",
                "Idempotency-Key",
                e.getMessage());
    }
}
