/** HTTP adapters of tenancy: the JSON API and the tenant's pages. */
package io.subsync.tenancy.web;
