package io.subsync.sync.drift.web;

import io.subsync.problems.Problems;
import io.subsync.sync.drift.domain.UnresolvableDivergence;
import io.subsync.sync.outbound.MasterUnavailable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Drift's errors as RFC 9457 problem details: a resolve that cannot be done as asked is 409. */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(1)
class DriftProblems {

    @ExceptionHandler(UnresolvableDivergence.class)
    ProblemDetail unresolvable(UnresolvableDivergence e) {
        return Problems.field(HttpStatus.CONFLICT, "Cannot resolve as asked", "keep", e.getMessage());
    }

    @ExceptionHandler(MasterUnavailable.class)
    ProblemDetail masterUnavailable(MasterUnavailable e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Master unavailable", e.getMessage());
    }
}
