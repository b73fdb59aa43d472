package io.subsync.mastersim.domain;

/**
 * What the simulator has done since it started or was last reset.
 *
 * @param received          POSTs of deliveries that reached the handler, whatever their answer
 * @param applied           deliveries applied to a subscription (each one once)
 * @param duplicatesRefused deliveries whose Idempotency-Key was seen before: answered again, not applied
 * @param failedInjected    requests answered with an injected 500, 503 or 429 (POSTs and GETs)
 * @param outOfOrder        applied deliveries whose sequence was lower than the one applied before to the same subscription
 * @param rejected          POSTs refused as unauthorised or invalid (401, 400, 413, 422)
 */
public record Stats(
        long received, long applied, long duplicatesRefused, long failedInjected, long outOfOrder, long rejected) {}
