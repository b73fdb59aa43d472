package io.subsync.sync;

import java.util.UUID;

/**
 * An MVP account was just linked to a Master account (magic link or relink), inside the linking transaction: what
 * the account owns elsewhere (its tenants' subscriptions) is recorded for Master before the transaction commits.
 */
record AccountLinked(UUID mvpUserId, String actor, String requestId) { }
