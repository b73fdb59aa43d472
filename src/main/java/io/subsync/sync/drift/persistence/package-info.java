/**
 * Reconciliation's reads of the sync state and its drift records in plain SQL; the advisory lock of one run at a
 * time.
 */
package io.subsync.sync.drift.persistence;
