package io.subsync.sync.inbound.web;

import io.subsync.problems.Problems;
import io.subsync.sync.inbound.domain.InvalidMasterEvent;
import io.subsync.sync.inbound.domain.InvalidSignature;
import io.subsync.sync.inbound.domain.MasterStateNotApplicable;
import io.subsync.sync.inbound.domain.MasterStateUnknown;
import io.subsync.sync.inbound.domain.WebhookSecretMissing;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Master's webhooks' and state's errors as RFC 9457 problem details: a bad signature (401), no secret (503), a bad event (400), Master's state unknown or not applicable to resolve with (409). */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(0)
class InboundProblems {

    @ExceptionHandler(InvalidSignature.class)
    ProblemDetail badSignature(InvalidSignature e) {
        return Problems.field(
                HttpStatus.UNAUTHORIZED,
                "Invalid webhook signature",
                MasterWebhookController.SIGNATURE,
                e.getMessage());
    }

    @ExceptionHandler(WebhookSecretMissing.class)
    ProblemDetail noSecret(WebhookSecretMissing e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Webhooks not configured", e.getMessage());
    }

    @ExceptionHandler(InvalidMasterEvent.class)
    ProblemDetail badEvent(InvalidMasterEvent e) {
        return Problems.field(HttpStatus.BAD_REQUEST, "Invalid webhook event", e.field(), e.getMessage());
    }

    @ExceptionHandler(MasterStateUnknown.class)
    ProblemDetail masterUnknown(MasterStateUnknown e) {
        return Problems.of(HttpStatus.CONFLICT, "Master's state unknown", e.getMessage());
    }

    @ExceptionHandler(MasterStateNotApplicable.class)
    ProblemDetail masterNotApplicable(MasterStateNotApplicable e) {
        return Problems.of(HttpStatus.CONFLICT, "Master's state cannot be taken", e.getMessage());
    }
}
