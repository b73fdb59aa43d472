/** The errors every sync room raises, as RFC 9457 problem details: a request that breaks a rule, an unknown sync. */
package io.subsync.sync.web;
