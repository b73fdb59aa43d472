/**
 * Webhook deduplication and Master's side of the sync state through plain SQL.
 */
package io.subsync.sync.inbound.persistence;
