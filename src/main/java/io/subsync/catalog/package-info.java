/** The catalogue of products and plans; {@link io.subsync.catalog.Catalog} is its API. */
package io.subsync.catalog;
