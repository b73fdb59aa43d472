package io.subsync.sync.inbound.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MasterSignatureTest {
    private static final byte[] SECRET = "whsec-test".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY =
            "{\"id\":\"evt_1\",\"type\":\"subscription.updated\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final long T = NOW.getEpochSecond();

    /** Computed here independently of the class under test. */
    private static String hmac(byte[] secret, long t, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void acceptsTheSignatureOfTheRawBody() throws Exception {
        String header = "t=" + T + ",v1=" + hmac(SECRET, T, BODY);
        assertThatCode(() -> MasterSignature.verify(header, BODY, SECRET, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> MasterSignature.verify(
                        " t=" + T + " , v0=zz, v1=" + hmac(SECRET, T, BODY).toUpperCase(),
                        BODY,
                        SECRET,
                        NOW.plusSeconds(299)))
                .doesNotThrowAnyException();
    }

    @Test
    void signsAsItVerifies() throws Exception {
        assertThatCode(() -> MasterSignature.verify(MasterSignature.header(SECRET, T, BODY), BODY, SECRET, NOW))
                .doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(MasterSignature.header(SECRET, T, BODY))
                .isEqualTo("t=" + T + ",v1=" + hmac(SECRET, T, BODY));
    }

    @Test
    void acceptsAnyOfSeveralSignaturesWhileMasterRotatesItsSecret() throws Exception {
        String header = "t=" + T + ",v1=" + hmac("old".getBytes(StandardCharsets.UTF_8), T, BODY) + ",v1="
                + hmac(SECRET, T, BODY);
        assertThatCode(() -> MasterSignature.verify(header, BODY, SECRET, NOW)).doesNotThrowAnyException();
    }

    @Test
    void refusesAWrongSecretOrAChangedBody() throws Exception {
        String other = "t=" + T + ",v1=" + hmac("another-secret".getBytes(StandardCharsets.UTF_8), T, BODY);
        assertThatThrownBy(() -> MasterSignature.verify(other, BODY, SECRET, NOW))
                .isInstanceOf(InvalidSignature.class)
                .hasMessageContaining("does not match");
        String good = "t=" + T + ",v1=" + hmac(SECRET, T, BODY);
        byte[] changed = "{\"id\":\"evt_2\",\"type\":\"subscription.updated\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MasterSignature.verify(good, changed, SECRET, NOW))
                .isInstanceOf(InvalidSignature.class);
        String otherTime = "t=" + (T - 1) + ",v1=" + hmac(SECRET, T, BODY);
        assertThatThrownBy(() -> MasterSignature.verify(otherTime, BODY, SECRET, NOW))
                .isInstanceOf(InvalidSignature.class);
    }

    @Test
    void refusesBadHex() {
        assertThatThrownBy(() -> MasterSignature.verify("t=" + T + ",v1=" + "zz".repeat(32), BODY, SECRET, NOW))
                .isInstanceOf(InvalidSignature.class)
                .hasMessageContaining("hexadecimal");
        assertThatThrownBy(() -> MasterSignature.verify("t=" + T + ",v1=abcd", BODY, SECRET, NOW))
                .isInstanceOf(InvalidSignature.class)
                .hasMessageContaining("hexadecimal");
    }

    @Test
    void refusesATimestampOlderThanFiveMinutes() throws Exception {
        long old = T - 301;
        String header = "t=" + old + ",v1=" + hmac(SECRET, old, BODY);
        assertThatThrownBy(() -> MasterSignature.verify(header, BODY, SECRET, NOW))
                .isInstanceOf(InvalidSignature.class)
                .hasMessageContaining("old");
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesAhead() throws Exception {
        long ahead = T + 301;
        String header = "t=" + ahead + ",v1=" + hmac(SECRET, ahead, BODY);
        assertThatThrownBy(() -> MasterSignature.verify(header, BODY, SECRET, NOW))
                .isInstanceOf(InvalidSignature.class)
                .hasMessageContaining("future");
    }

    @Test
    void refusesAMissingHeaderOrMissingParts() throws Exception {
        String v1 = hmac(SECRET, T, BODY);
        assertThatThrownBy(() -> MasterSignature.verify(null, BODY, SECRET, NOW))
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> MasterSignature.verify(" ", BODY, SECRET, NOW)).hasMessageContaining("missing");
        assertThatThrownBy(() -> MasterSignature.verify("v1=" + v1, BODY, SECRET, NOW))
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> MasterSignature.verify("t=" + T, BODY, SECRET, NOW))
                .hasMessageContaining("no v1");
        assertThatThrownBy(() -> MasterSignature.verify("t=abc,v1=" + v1, BODY, SECRET, NOW))
                .isInstanceOf(InvalidSignature.class);
        assertThatThrownBy(() -> MasterSignature.verify("t=" + T + ",t=" + T + ",v1=" + v1, BODY, SECRET, NOW))
                .isInstanceOf(InvalidSignature.class);
        assertThatThrownBy(() -> MasterSignature.verify(v1, BODY, SECRET, NOW)).isInstanceOf(InvalidSignature.class);
    }
}
