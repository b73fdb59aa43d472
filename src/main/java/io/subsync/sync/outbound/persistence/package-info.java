/**
 * Desired state, the outbox, failed operations and idempotency keys through plain SQL.
 */
package io.subsync.sync.outbound.persistence;
