/**
 * Command-line adapter of sync health: subsync monitor.
 */
package io.subsync.sync.health.cli;
