/**
 * The rules of drift in plain Java: comparing Master with what it confirmed, the action a policy takes, the report.
 */
package io.subsync.sync.drift.domain;
