/**
 * The rules of delivery in plain Java: claimed deliveries, Master's answers, the retry schedule, idempotency keys.
 */
package io.subsync.sync.outbound.domain;
