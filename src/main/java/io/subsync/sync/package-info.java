/**
 * Sync with the Master system: recording desired states (RecordSync), delivering the outbox (DeliverPendingSyncs),
 * retries, accounts, the audit trail and health. The public classes of this package are the feature's API.
 */
package io.subsync.sync;
