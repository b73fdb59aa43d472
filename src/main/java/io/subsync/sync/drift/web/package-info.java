/**
 * HTTP adapters of drift: GET /api/sync/divergences, resolving, and the admin page's diverged links.
 */
package io.subsync.sync.drift.web;
