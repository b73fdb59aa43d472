package io.subsync.audit.web;

import io.subsync.audit.InvalidAuditQuery;
import io.subsync.problems.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A read of the audit trail with a bad parameter, as an RFC 9457 problem (422 naming the parameter). */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(0)
class AuditProblems {

    @ExceptionHandler(InvalidAuditQuery.class)
    ProblemDetail invalid(InvalidAuditQuery e) {
        return Problems.field(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid sync request", e.field(), e.getMessage());
    }
}
