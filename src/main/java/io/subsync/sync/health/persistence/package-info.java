/**
 * The health figures from sync_health_dashboard and sync_outbox through plain SQL.
 */
package io.subsync.sync.health.persistence;
