/** HTTP adapters of sync: the API, and the fragments of the admin page's sync sections. */
package io.subsync.sync.web;
