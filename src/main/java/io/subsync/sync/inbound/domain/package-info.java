/**
 * The rules of Master's webhooks in plain Java: the event, its signature, what a newer state from Master means.
 */
package io.subsync.sync.inbound.domain;
