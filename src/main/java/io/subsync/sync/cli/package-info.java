/** Command-line adapter of sync: retry and monitor. */
package io.subsync.sync.cli;
