/** Who may call: JWT verification, roles, the caller of a request, and minting tokens. */
package io.subsync.access;
