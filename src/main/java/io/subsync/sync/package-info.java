/**
 * Sync with the Master system, in rooms: outbound (the MVP's changes to Master), inbound (Master's webhooks), drift
 * (reconciliation and divergences), mapping (service plans) and health. This base package is what the rooms share:
 * desired states, operations, Master's view of a subscription, plan mappings, the retry schedule and the settings.
 */
package io.subsync.sync;
