package io.subsync.sync.drift.web;

import io.subsync.access.Caller;
import io.subsync.access.Provenance;
import io.subsync.sync.FieldDifference;
import io.subsync.sync.InvalidSyncRequest;
import io.subsync.sync.drift.ResolveDivergence;
import io.subsync.sync.drift.domain.Divergence;
import io.subsync.sync.inbound.AcceptMasterState;
import io.subsync.sync.inbound.KeptSide;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Drift: {@code GET /api/sync/divergences} and {@code POST /api/sync/accounts/{mvpUserId}/resolve} (service_role). */
@RestController
@ConditionalOnWebApplication
class DriftApiController {
    private final ResolveDivergence resolve;

    DriftApiController(ResolveDivergence resolve) {
        this.resolve = resolve;
    }

    record DifferenceView(String field, String confirmed, String master) {
        static DifferenceView of(FieldDifference d) {
            return new DifferenceView(d.field(), d.confirmed(), d.master());
        }
    }

    record DivergenceView(
            UUID mvpUserId,
            UUID masterUserId,
            String serviceName,
            String serviceId,
            List<String> fields,
            List<DifferenceView> differences,
            Map<String, Object> confirmed,
            Map<String, Object> master,
            Instant detectedAt,
            String detectedBy,
            String reason) {
        static DivergenceView of(Divergence d) {
            return new DivergenceView(
                    d.mvpUserId(),
                    d.masterUserId().orElse(null),
                    d.serviceName(),
                    d.serviceId().orElse(null),
                    d.fields(),
                    d.differences().stream().map(DifferenceView::of).toList(),
                    d.confirmed(),
                    d.master(),
                    d.detectedAt().orElse(null),
                    d.detectedBy(),
                    d.reason().orElse(null));
        }
    }

    record DivergenceList(List<DivergenceView> items) {}

    record ResolveBody(String serviceName, String keep) {}

    record ResolveView(UUID mvpUserId, String serviceName, String kept, String outcome, UUID syncId, String message) {}

    @GetMapping("/api/sync/divergences")
    DivergenceList divergences(
            @RequestParam(required = false) UUID mvpUserId, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidSyncRequest("limit", "must be between 1 and 1000");
        }
        return new DivergenceList(resolve.open(Optional.ofNullable(mvpUserId), limit).stream()
                .map(DivergenceView::of)
                .toList());
    }

    @PostMapping("/api/sync/accounts/{mvpUserId}/resolve")
    ResolveView resolve(
            @PathVariable UUID mvpUserId,
            @RequestBody ResolveBody body,
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        if (body.serviceName() == null || body.serviceName().isBlank()) {
            throw new InvalidSyncRequest("serviceName", "is required: the service whose divergence to resolve");
        }
        KeptSide keep = KeptSide.parse(body.keep());
        AcceptMasterState.Outcome outcome = resolve.resolve(
                mvpUserId,
                body.serviceName().trim(),
                keep,
                new Provenance(Caller.of(jwt).actor(), requestId));
        return new ResolveView(
                mvpUserId,
                outcome.serviceName().orElse(body.serviceName().trim()),
                keep.name().toLowerCase(Locale.ROOT),
                outcome.kind().code(),
                outcome.syncId().orElse(null),
                outcome.detail());
    }

    /** {@code mvp} or {@code master}, in any case. */
}
