/**
 * The Master simulator: Master's side of the outbound contract (docs/master-simulator.md, "Master's API") with real state, idempotency and
 * fault injection, over the JDK's HTTP server so it starts in milliseconds and runs in-process in tests.
 */
package io.subsync.mastersim;
