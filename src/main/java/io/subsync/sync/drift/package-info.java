/**
 * Reconciliation with Master (ReconcileWithMaster, scheduled by DriftChecks), the divergences it finds, and an
 * operator's decision on them (ResolveDivergence).
 */
package io.subsync.sync.drift;
