package io.subsync.linking.domain;

/**
 * A magic link that cannot be used: unknown, expired or already used. The message says what to do and never contains
 * the token.
 */
public class MagicLinkRefused extends RuntimeException {
    private final Reason reason;

    /** Why: each has its own answer ({@code 404}, {@code 410}, {@code 409}) and a stable code for clients. */
    public enum Reason {
        UNKNOWN("unknown_token"),
        EXPIRED("token_expired"),
        USED("token_used");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public MagicLinkRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
