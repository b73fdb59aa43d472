/** The catalogue's tables, through plain SQL. */
package io.subsync.catalog.persistence;
