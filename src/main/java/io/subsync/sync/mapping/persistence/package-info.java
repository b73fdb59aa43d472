/**
 * The service plan mapping in service_plan_mapping through plain SQL.
 */
package io.subsync.sync.mapping.persistence;
