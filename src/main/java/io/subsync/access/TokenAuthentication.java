package io.subsync.access;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * How a verified token becomes an authentication: its {@code role} claim is the one authority. Shared by the API
 * (bearer header) and the pages (session cookie), so both grant exactly the same rights for the same token.
 */
public final class TokenAuthentication {
    private TokenAuthentication() {}

    public static JwtAuthenticationConverter converter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Role role = Role.fromClaim(jwt.getClaimAsString("role"));
            return role == null ? List.of() : List.of(new SimpleGrantedAuthority(role.authority()));
        });
        return converter;
    }
}
