/** The operator's pages: the admin overview of catalogue, tenants and subscriptions. */
package io.subsync.ops.web;
