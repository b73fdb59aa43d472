/** HTTP adapter of the catalogue. */
package io.subsync.catalog.web;
