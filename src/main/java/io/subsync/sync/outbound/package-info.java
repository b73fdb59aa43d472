/**
 * The MVP side's changes going out to Master: recording desired states (RecordSync), idempotency, the outbox and
 * its workers (DeliverPendingSyncs, SyncWorkers), the Master client, retries and re-pushes, and what links and
 * tenants' subscriptions mean for them.
 */
package io.subsync.sync.outbound;
