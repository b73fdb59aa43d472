/** HTTP adapter of sync. */
package io.subsync.sync.web;
