package io.subsync.access;

/** A user asked to sync or read another user's account. */
public class NotYourAccount extends RuntimeException {
    public NotYourAccount() {
        super("a user may only sync and read their own account (mvpUserId must be the token's sub)");
    }
}
