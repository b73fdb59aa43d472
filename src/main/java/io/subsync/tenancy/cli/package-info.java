/** Command-line adapter of tenancy: bulk reconciliation. */
package io.subsync.tenancy.cli;
