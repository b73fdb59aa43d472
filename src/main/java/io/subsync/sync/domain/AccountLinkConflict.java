package io.subsync.sync.domain;

/** The Master account given is linked elsewhere, or the MVP account is linked to another Master account. */
public class AccountLinkConflict extends RuntimeException {
    public AccountLinkConflict(String message) {
        super(message);
    }
}
