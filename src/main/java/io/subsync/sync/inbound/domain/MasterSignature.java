package io.subsync.sync.inbound.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Master's webhook signature: {@code X-Master-Signature: t=<unix seconds>,v1=<hex>}, where v1 is HMAC-SHA256 over
 * {@code t + "." + body} (the raw bytes received) with the shared secret. Several {@code v1} (while Master rotates
 * its secret) are allowed; any one matching is enough. Other keys are ignored. Compared in constant time.
 */
public final class MasterSignature {
    /** How far the timestamp may be from now, either way. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final int SIGNATURE_BYTES = 32;

    private MasterSignature() {}

    /**
     * Checks the header against the body and the secret at time {@code now}.
     *
     * @throws InvalidSignature saying what is wrong (never echoing the signature or the secret)
     */
    public static void verify(String header, byte[] body, byte[] secret, Instant now) {
        if (header == null || header.isBlank()) {
            throw new InvalidSignature("the X-Master-Signature header is missing");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw new InvalidSignature("X-Master-Signature must be t=<unix seconds>,v1=<hex>");
            }
            String key = part.substring(0, equals).trim();
            String value = part.substring(equals + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("\\d{1,12}")) {
                    throw new InvalidSignature("X-Master-Signature must carry one t=<unix seconds>");
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1")) {
                if (!value.matches("[0-9a-fA-F]{" + 2 * SIGNATURE_BYTES + "}")) {
                    throw new InvalidSignature(
                            "v1 in X-Master-Signature must be " + 2 * SIGNATURE_BYTES + " hexadecimal digits");
                }
                signatures.add(HexFormat.of().parseHex(value));
            }
        }
        if (timestamp == null) {
            throw new InvalidSignature("X-Master-Signature has no timestamp (t=<unix seconds>)");
        }
        if (signatures.isEmpty()) {
            throw new InvalidSignature("X-Master-Signature has no v1 signature");
        }
        byte[] expected = hmac(secret, timestamp, body);
        boolean matches = false;
        for (byte[] signature : signatures) {
            matches |= MessageDigest.isEqual(expected, signature);
        }
        if (!matches) {
            throw new InvalidSignature("the signature does not match the body");
        }
        long age = now.getEpochSecond() - timestamp;
        if (age > TOLERANCE.toSeconds()) {
            throw new InvalidSignature(
                    "the signature's timestamp is more than " + TOLERANCE.toMinutes() + " minutes old");
        }
        if (-age > TOLERANCE.toSeconds()) {
            throw new InvalidSignature(
                    "the signature's timestamp is more than " + TOLERANCE.toMinutes() + " minutes in the future");
        }
    }

    /** The header value Master sends for {@code body} at {@code timestamp}. */
    public static String header(byte[] secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    private static byte[] hmac(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
