/**
 * Signing in to the pages: the same JWT as the API, carried in an HttpOnly session cookie and verified again on every
 * request, so the pages stay stateless like the API.
 */
package io.subsync.access.web;
