/** The PostgreSQL underneath: embedded by default, external through SUBSYNC_DB_URL. */
package io.subsync.database;
