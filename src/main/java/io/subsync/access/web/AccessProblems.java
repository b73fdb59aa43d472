package io.subsync.access.web;

import io.subsync.access.NotYourAccount;
import io.subsync.problems.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A user acting for another user's account, as an RFC 9457 problem (403 naming {@code mvpUserId}). */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(0)
class AccessProblems {

    @ExceptionHandler(NotYourAccount.class)
    ProblemDetail notYours(NotYourAccount e) {
        return Problems.field(HttpStatus.FORBIDDEN, "Not your account", "mvpUserId", e.getMessage());
    }
}
