package io.subsync.sync.web;

import io.subsync.problems.Problems;
import io.subsync.sync.domain.AccountLinkConflict;
import io.subsync.sync.domain.IdempotencyKeyConflict;
import io.subsync.sync.domain.InvalidMasterEvent;
import io.subsync.sync.domain.InvalidSignature;
import io.subsync.sync.domain.InvalidSyncRequest;
import io.subsync.sync.domain.MasterStateUnknown;
import io.subsync.sync.domain.NotDiverged;
import io.subsync.sync.domain.NotYourAccount;
import io.subsync.sync.domain.UnknownPlanMapping;
import io.subsync.sync.domain.UnknownSync;
import io.subsync.sync.domain.WebhookSecretMissing;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Sync's errors as RFC 9457 problem details. */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(0)
class SyncProblems {

    @ExceptionHandler(InvalidSyncRequest.class)
    ProblemDetail invalid(InvalidSyncRequest e) {
        return Problems.field(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid sync request", e.field(), e.getMessage());
    }

    @ExceptionHandler(UnknownPlanMapping.class)
    ProblemDetail unmapped(UnknownPlanMapping e) {
        return Problems.field(HttpStatus.UNPROCESSABLE_CONTENT, "Unmapped service plan", "subscriptionData.planCode",
                e.getMessage());
    }

    @ExceptionHandler(NotYourAccount.class)
    ProblemDetail notYours(NotYourAccount e) {
        return Problems.field(HttpStatus.FORBIDDEN, "Not your account", "mvpUserId", e.getMessage());
    }

    @ExceptionHandler(AccountLinkConflict.class)
    ProblemDetail linkConflict(AccountLinkConflict e) {
        return Problems.field(HttpStatus.CONFLICT, "Account link conflict", "masterUserId", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyConflict.class)
    ProblemDetail keyConflict(IdempotencyKeyConflict e) {
        return Problems.field(e.stillRunning() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                "Idempotency-Key conflict", "Idempotency-Key", e.getMessage());
    }

    @ExceptionHandler(UnknownSync.class)
    ProblemDetail unknown(UnknownSync e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(InvalidSignature.class)
    ProblemDetail badSignature(InvalidSignature e) {
        return Problems.field(HttpStatus.UNAUTHORIZED, "Invalid webhook signature", MasterWebhookController.SIGNATURE,
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

    @ExceptionHandler(NotDiverged.class)
    ProblemDetail notDiverged(NotDiverged e) {
        return Problems.of(HttpStatus.CONFLICT, "Not diverged", e.getMessage());
    }

    @ExceptionHandler(MasterStateUnknown.class)
    ProblemDetail masterUnknown(MasterStateUnknown e) {
        return Problems.of(HttpStatus.CONFLICT, "Master's state unknown", e.getMessage());
    }
}
