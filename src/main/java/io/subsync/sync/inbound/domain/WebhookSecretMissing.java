package io.subsync.sync.inbound.domain;

/** {@code MASTER_WEBHOOK_SECRET} is not set: webhooks cannot be verified, so none is accepted. */
public class WebhookSecretMissing extends RuntimeException {
    public WebhookSecretMissing() {
        super("MASTER_WEBHOOK_SECRET is not configured: webhooks from Master cannot be verified");
    }
}
