/**
 * HTTP adapter of Master's webhooks: POST /webhooks/master, read strictly, and its errors as problems.
 */
package io.subsync.sync.inbound.web;
