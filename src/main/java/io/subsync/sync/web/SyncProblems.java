package io.subsync.sync.web;

import io.subsync.problems.Problems;
import io.subsync.sync.InvalidSyncRequest;
import io.subsync.sync.NotDiverged;
import io.subsync.sync.UnknownSync;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Sync's shared errors as RFC 9457 problem details: a request that breaks a rule (422), an unknown sync or account (404), nothing to resolve (409). */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(0)
class SyncProblems {

    @ExceptionHandler(InvalidSyncRequest.class)
    ProblemDetail invalid(InvalidSyncRequest e) {
        return Problems.field(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid sync request", e.field(), e.getMessage());
    }

    @ExceptionHandler(UnknownSync.class)
    ProblemDetail unknown(UnknownSync e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(NotDiverged.class)
    ProblemDetail notDiverged(NotDiverged e) {
        return Problems.of(HttpStatus.CONFLICT, "Not diverged", e.getMessage());
    }
}
