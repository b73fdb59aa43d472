/**
 * Tenants and their subscriptions: opening and changing tenants, listing subscriptions with sync-on-read, and
 * reconciling all tenants. The public classes of this package are the feature's API.
 */
package io.subsync.tenancy;
