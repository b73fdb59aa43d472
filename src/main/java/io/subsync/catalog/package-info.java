/** The catalogue of products and plans; {@link Catalog} is its API. */
package io.subsync.catalog;
