/**
 * Command-line adapter of drift: subsync reconcile (the tenants' subscriptions, or with --master the sync with
 * Master).
 */
package io.subsync.sync.drift.cli;
