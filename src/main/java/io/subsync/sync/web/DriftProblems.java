package io.subsync.sync.web;

import io.subsync.problems.Problems;
import io.subsync.sync.domain.MasterStateUnknown;
import io.subsync.sync.domain.MasterUnavailable;
import io.subsync.sync.domain.NotDiverged;
import io.subsync.sync.domain.UnresolvableDivergence;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Drift's errors as RFC 9457 problem details: a resolve that has nothing to decide or cannot be done is 409. */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(1)
class DriftProblems {

    @ExceptionHandler(NotDiverged.class)
    ProblemDetail notDiverged(NotDiverged e) {
        return Problems.field(HttpStatus.CONFLICT, "Not diverged", "serviceName", e.getMessage());
    }

    @ExceptionHandler({UnresolvableDivergence.class, MasterStateUnknown.class})
    ProblemDetail unresolvable(RuntimeException e) {
        return Problems.field(HttpStatus.CONFLICT, "Cannot resolve as asked", "keep", e.getMessage());
    }

    @ExceptionHandler(MasterUnavailable.class)
    ProblemDetail masterUnavailable(MasterUnavailable e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Master unavailable", e.getMessage());
    }
}
