/**
 * HTTP adapters of sync health: GET /api/sync/health and the admin page's health tiles and charts.
 */
package io.subsync.sync.health.web;
