package io.subsync.sync.outbound.web;

import io.subsync.access.Caller;
import io.subsync.sync.InvalidSyncRequest;
import io.subsync.sync.outbound.IdempotentSyncs;
import io.subsync.sync.outbound.RecordSync;
import io.subsync.sync.outbound.SyncAnswer;
import io.subsync.sync.outbound.SyncRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /sync-subscription}: record a subscription's desired state and deliver it to Master. */
@RestController
@ConditionalOnWebApplication
class SyncController {
    private final RecordSync recordSync;
    private final IdempotentSyncs idempotentSyncs;

    SyncController(RecordSync recordSync, IdempotentSyncs idempotentSyncs) {
        this.recordSync = recordSync;
        this.idempotentSyncs = idempotentSyncs;
    }

    record SubscriptionData(
            String serviceName,
            String planCode,
            String status,
            String startDate,
            String endDate,
            Map<String, Object> metadata) {}

    record SyncBody(UUID mvpUserId, UUID masterUserId, String operation, SubscriptionData subscriptionData) {
        SyncRequest request() {
            if (subscriptionData == null) {
                throw new InvalidSyncRequest("subscriptionData", "is required");
            }
            return new SyncRequest(
                    mvpUserId,
                    masterUserId,
                    operation,
                    subscriptionData.serviceName(),
                    subscriptionData.planCode(),
                    subscriptionData.status(),
                    subscriptionData.startDate(),
                    subscriptionData.endDate(),
                    subscriptionData.metadata());
        }
    }

    /** 200 {@code synced} when Master confirmed within the request, 202 {@code pending} when queued. */
    @PostMapping("/sync-subscription")
    ResponseEntity<?> sync(
            @RequestBody SyncBody body,
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        Caller caller = Caller.of(jwt);
        String request = requestId == null ? UUID.randomUUID().toString() : requestId;
        if (idempotencyKey != null) {
            IdempotentSyncs.Reply reply = idempotentSyncs.sync(idempotencyKey, body.request(), caller, request);
            return ResponseEntity.status(reply.status())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(reply.body());
        }
        SyncAnswer answer = recordSync.sync(body.request(), caller, request);
        return ResponseEntity.status(answer.synced() ? 200 : 202).body(answer);
    }
}
