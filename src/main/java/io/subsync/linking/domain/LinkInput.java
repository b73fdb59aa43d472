package io.subsync.linking.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Checks of the fields of link requests, each naming the field at fault; and a token's fingerprint for logs. */
public final class LinkInput {
    /** Tokens are 43 characters; anything far longer is not a token. */
    public static final int MAX_TOKEN_LENGTH = 256;

    private static final int MAX_EMAIL_LENGTH = 320;

    private LinkInput() {}

    public static String token(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidLinkRequest("token", "is required (the token of the magic link)");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidLinkRequest(
                    "token", "is not a magic link token (longer than " + MAX_TOKEN_LENGTH + " characters)");
        }
        return token.trim();
    }

    public static UUID masterUserId(UUID masterUserId) {
        if (masterUserId == null) {
            throw new InvalidLinkRequest("masterUserId", "is required (the Master account's UUID)");
        }
        return masterUserId;
    }

    /** Optional; when given, an address of at most 320 characters with an {@code @}. */
    public static String masterEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String trimmed = email.trim();
        int at = trimmed.indexOf('@');
        if (trimmed.length() > MAX_EMAIL_LENGTH || at < 1 || at == trimmed.length() - 1 || trimmed.contains(" ")) {
            throw new InvalidLinkRequest(
                    "masterEmail", "must be an email address (at most " + MAX_EMAIL_LENGTH + " characters)");
        }
        return trimmed;
    }

    /** The first 12 hex digits of the token's SHA-256: enough to follow a token through the logs, useless to use it. */
    public static String fingerprint(String token) {
        return sha256(token).substring(0, 12);
    }

    /** The token's SHA-256 in hex: a key for the token that holds no part of it. */
    public static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
