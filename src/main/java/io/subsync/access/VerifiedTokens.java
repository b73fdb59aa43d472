package io.subsync.access;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it verified, so a client's next request with the same token is not
 * checked and parsed again (the signature's HMAC and the JSON were a sixth of a read's CPU). A remembered token is
 * used only while its {@code exp} is ahead (the full check, with its clock skew, decides after that); a token that
 * failed is never remembered. At most {@value #CAPACITY} are kept: when full, the expired ones go, and if that is not
 * enough, all of them (they are checked again as they come).
 */
final class VerifiedTokens implements JwtDecoder {
    static final int CAPACITY = 16_384;
    private final JwtDecoder verifier;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.getExpiresAt())) {
                return known;
            }
            verified.remove(token, known);
        }
        Jwt jwt = verifier.decode(token);
        if (verified.size() >= CAPACITY) {
            makeRoom();
        }
        verified.put(token, jwt);
        return jwt;
    }

    int remembered() {
        return verified.size();
    }

    private void makeRoom() {
        Instant now = clock.instant();
        verified.values().removeIf(jwt -> !now.isBefore(jwt.getExpiresAt()));
        if (verified.size() >= CAPACITY) {
            verified.clear();
        }
    }
}
