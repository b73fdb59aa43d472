package io.subsync.sync.inbound.web;

import io.subsync.sync.inbound.ReceiveMasterEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/master}: Master's changes, signed. The signature is checked over the body's bytes as
 * received, before the body is parsed. 200 for an event taken in (applied, stale, ignored, diverged, duplicate), 202
 * for a type this service does not handle; 401 bad signature, 400 malformed event, 503 no secret configured.
 */
@RestController
@ConditionalOnWebApplication
class MasterWebhookController {
    static final String SIGNATURE = "X-Master-Signature";
    private final ReceiveMasterEvent receive;
    private final JsonMapper json;

    MasterWebhookController(ReceiveMasterEvent receive, JsonMapper json) {
        this.receive = receive;
        this.json = json;
    }

    @PostMapping("/webhooks/master")
    ResponseEntity<Map<String, Object>> receive(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = SIGNATURE, required = false) String signature,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        byte[] raw = body == null ? new byte[0] : body;
        receive.verify(signature, raw);
        ReceiveMasterEvent.Receipt receipt = receive.receive(
                MasterEventReader.read(json, raw),
                requestId == null ? UUID.randomUUID().toString() : requestId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        answer.put("eventId", receipt.eventId());
        answer.put("outcome", receipt.outcome());
        answer.put("applied", receipt.applied());
        answer.put("detail", receipt.detail());
        return ResponseEntity.status(receipt.knownType() ? 200 : 202).body(answer);
    }
}
