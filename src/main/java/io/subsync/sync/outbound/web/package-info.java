/**
 * HTTP adapters of delivery: POST /sync-subscription, an account's sync state, retries, and the admin page's
 * failures.
 */
package io.subsync.sync.outbound.web;
