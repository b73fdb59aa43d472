/** Tenants, their product switches and subscriptions, in plain Java. */
package io.subsync.tenancy.domain;
