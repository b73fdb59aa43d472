/**
 * The health dashboard's port and the delivery latency histogram, in plain Java.
 */
package io.subsync.sync.health.domain;
