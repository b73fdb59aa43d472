/** The SQL the sync rooms' adapters share: superseding outbox rows, clearing divergences, the JSON of states. */
package io.subsync.sync.persistence;
