package io.subsync.linking.web;

import io.subsync.linking.domain.AccountLinkConflict;
import io.subsync.linking.domain.AccountNotLinked;
import io.subsync.linking.domain.InvalidLinkRequest;
import io.subsync.linking.domain.MagicLinkRefused;
import io.subsync.linking.domain.TooManyAttempts;
import io.subsync.problems.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Linking's errors as RFC 9457 problem details, each with a stable {@code code}: unknown token 404, expired 410, used
 * 409, too many attempts 429 with {@code Retry-After}, bad input 400 naming the field. A link conflict is 409 naming
 * the field. The token never appears in a problem.
 */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(0)
class LinkingProblems {

    @ExceptionHandler(AccountLinkConflict.class)
    ProblemDetail linkConflict(AccountLinkConflict e) {
        ProblemDetail problem = Problems.field(HttpStatus.CONFLICT, "Account link conflict", e.field(), e.getMessage());
        problem.setProperty("code", e.code());
        return problem;
    }

    @ExceptionHandler(InvalidLinkRequest.class)
    ProblemDetail invalid(InvalidLinkRequest e) {
        return coded(
                Problems.field(HttpStatus.BAD_REQUEST, "Invalid link request", e.field(), e.getMessage()),
                "invalid_request");
    }

    @ExceptionHandler(MagicLinkRefused.class)
    ProblemDetail refused(MagicLinkRefused e) {
        return coded(
                switch (e.reason()) {
                    case UNKNOWN -> Problems.field(HttpStatus.NOT_FOUND, "Unknown magic link", "token", e.getMessage());
                    case EXPIRED -> Problems.field(HttpStatus.GONE, "Magic link expired", "token", e.getMessage());
                    case USED ->
                        Problems.field(HttpStatus.CONFLICT, "Magic link already used", "token", e.getMessage());
                },
                e.reason().code());
    }

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyAttempts e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
                .body(coded(
                        Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", e.getMessage()),
                        "too_many_attempts"));
    }

    @ExceptionHandler(AccountNotLinked.class)
    ProblemDetail notLinked(AccountNotLinked e) {
        return coded(Problems.field(HttpStatus.NOT_FOUND, "Not linked", "mvpUserId", e.getMessage()), "not_linked");
    }

    private static ProblemDetail coded(ProblemDetail problem, String code) {
        problem.setProperty("code", code);
        return problem;
    }
}
