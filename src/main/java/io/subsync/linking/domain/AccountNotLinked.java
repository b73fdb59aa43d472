package io.subsync.linking.domain;

import java.util.UUID;

/** Unlinking an account that has no Master account. */
public class AccountNotLinked extends RuntimeException {
    public AccountNotLinked(UUID mvpUserId) {
        super("MVP user " + mvpUserId + " has no linked Master account");
    }
}
