/** The rules of syncing with Master in plain Java: operations, desired state, retry schedule, answers. */
package io.subsync.sync.domain;
