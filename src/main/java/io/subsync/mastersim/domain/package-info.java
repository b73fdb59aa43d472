/** Master's state as the simulator keeps it: subscriptions, their versions and ordering evidence, faults, counters. */
package io.subsync.mastersim.domain;
