/**
 * Account links (LinkAccount, AccountLinks in account_sync) and magic links: creating a one-time link for an MVP user, using it to link the user's Master account
 * (CreateMagicLink, ValidateMagicLink), showing what a link would do (InspectMagicLink), unlinking and relinking
 * (ChangeAccountLink). The token rules live in SQL functions. A link or an unlink publishes
 * AccountLinked or AccountUnlinked, which the sync side handles in the same transaction.
 */
package io.subsync.linking;
