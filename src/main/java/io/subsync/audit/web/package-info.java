/**
 * HTTP adapters of the audit trail: GET /api/sync/logs with its cursor, and the admin page's log panel.
 */
package io.subsync.audit.web;
