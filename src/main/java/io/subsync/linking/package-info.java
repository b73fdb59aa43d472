/**
 * Account links and magic links: creating a one-time link for an MVP user, using it to link the user's Master account
 * (CreateMagicLink, ValidateMagicLink), showing what a link would do (InspectMagicLink), unlinking and relinking
 * (ChangeAccountLink). The token rules live in SQL functions; the link itself is sync's LinkAccount.
 */
package io.subsync.linking;
