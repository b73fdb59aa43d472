/**
 * The service plan mapping: what an MVP (service, plan) pair is at Master (MapServicePlans, PlanMappings).
 */
package io.subsync.sync.mapping;
