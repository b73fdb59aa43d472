/** HTTP adapter of tenancy. */
package io.subsync.tenancy.web;
