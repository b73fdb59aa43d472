/** Subsync: the entry points. Features live in their own packages (catalog, tenancy, access, ops). */
package io.subsync;
