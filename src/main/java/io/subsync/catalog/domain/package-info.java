/** The catalogue's rules in plain Java: product codes, tiers, plans and disable policies. */
package io.subsync.catalog.domain;
