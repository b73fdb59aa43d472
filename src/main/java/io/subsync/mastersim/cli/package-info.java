/** Command-line adapter of the Master simulator: {@code subsync master-sim}. */
package io.subsync.mastersim.cli;
