/**
 * Errors as callers see them: RFC 9457 problem details for the API (the shared shape, how strictly JSON bodies are
 * read, and the answers to malformed requests), and error pages for the HTML pages.
 */
package io.subsync.problems;
