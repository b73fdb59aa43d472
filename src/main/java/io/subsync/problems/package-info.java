/** RFC 9457 problem details: the shared shape, and the answers to malformed requests. */
package io.subsync.problems;
