/** Command-line adapter of access: minting tokens. */
package io.subsync.access.cli;
