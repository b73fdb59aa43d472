package io.subsync.sync.domain;

/** The Master account given is linked elsewhere, or the MVP account is linked to another Master account. */
public class AccountLinkConflict extends RuntimeException {
    private final Kind kind;

    /** Which side of the link is taken; {@link #field()} names the request field at fault. */
    public enum Kind {
        MASTER_ACCOUNT_LINKED_ELSEWHERE("masterUserId", "master_account_linked_elsewhere"),
        ACCOUNT_LINKED_ELSEWHERE("mvpUserId", "account_linked_elsewhere");

        private final String field;
        private final String code;

        Kind(String field, String code) {
            this.field = field;
            this.code = code;
        }
    }

    public AccountLinkConflict(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return kind.field;
    }

    /** A stable code for clients, e.g. {@code master_account_linked_elsewhere}. */
    public String code() {
        return kind.code;
    }
}
