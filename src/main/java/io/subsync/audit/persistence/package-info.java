/**
 * The audit trail in subscription_sync_log through plain SQL (a trigger refuses updates and deletes).
 */
package io.subsync.audit.persistence;
