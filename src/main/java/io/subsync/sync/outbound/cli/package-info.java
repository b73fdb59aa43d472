/**
 * Command-line adapter of delivery: subsync retry.
 */
package io.subsync.sync.outbound.cli;
