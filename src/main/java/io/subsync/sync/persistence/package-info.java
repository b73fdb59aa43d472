/** The sync tables through plain SQL: account links, mappings, desired state, outbox, audit trail, keys. */
package io.subsync.sync.persistence;
