/** Command-line entry points that run the service: serve and demo. */
package io.subsync.ops.cli;
