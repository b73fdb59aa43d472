/**
 * The audit trail of syncs and links (subscription_sync_log, append-only): written by every module that changes
 * what Master should have, read by the API and the admin page (ReadAuditTrail).
 */
package io.subsync.audit;
