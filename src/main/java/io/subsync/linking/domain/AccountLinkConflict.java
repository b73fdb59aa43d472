package io.subsync.linking.domain;

import java.util.Optional;

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

    /**
     * The refusal of the SQL function {@code link_master_account} with this SQLSTATE ({@code SL004}: the Master account
     * is linked elsewhere, {@code SL005}: the MVP account is), or empty for any other state.
     */
    public static Optional<AccountLinkConflict> ofSqlState(String sqlState, String message) {
        return switch (sqlState) {
            case "SL004" -> Optional.of(new AccountLinkConflict(Kind.MASTER_ACCOUNT_LINKED_ELSEWHERE, message));
            case "SL005" -> Optional.of(new AccountLinkConflict(Kind.ACCOUNT_LINKED_ELSEWHERE, message));
            default -> Optional.empty();
        };
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
