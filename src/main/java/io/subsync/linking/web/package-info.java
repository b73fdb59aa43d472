/** {@code /api/account-links} and the {@code /link} landing page. */
package io.subsync.linking.web;
