/**
 * The sync health figures (SyncHealth) and their Prometheus gauges.
 */
package io.subsync.sync.health;
