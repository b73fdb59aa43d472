/** Tenancy's tables through plain, set-based SQL; the reconciliation statements live in {@code sql/tenancy}. */
package io.subsync.tenancy.persistence;
