/** The rules of magic links in plain Java: their outcomes, the refusals and the attempt limits. */
package io.subsync.linking.domain;
