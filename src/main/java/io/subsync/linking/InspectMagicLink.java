package io.subsync.linking;

import io.subsync.database.RowSecurity;
import io.subsync.linking.domain.LinkInput;
import io.subsync.linking.domain.MagicLinks;
import io.subsync.linking.domain.TokenState;
import org.springframework.stereotype.Service;

/**
 * What a magic link would do, without using it (the {@code /link} page). Lookups of links that are not valid count
 * against the client's limit, like refused validations; a valid link is shown whatever the client tried before.
 */
@Service
public class InspectMagicLink {
    private final MagicLinks links;
    private final LinkAttempts attempts;

    InspectMagicLink(MagicLinks links, LinkAttempts attempts) {
        this.links = links;
        this.attempts = attempts;
    }

    /**
     * The state of {@code token}, looked up with the service's own rights also when the visitor is signed in: the page
     * is for whoever holds the link (it may be another user's), not a read of the signed-in user's rows.
     */
    public TokenState inspect(String token, String client) {
        return RowSecurity.asService(() -> {
            TokenState state = token == null || token.isBlank() || token.length() > LinkInput.MAX_TOKEN_LENGTH
                    ? TokenState.unknown()
                    : links.state(token.trim());
            if (state.state() != TokenState.State.VALID) {
                attempts.refusedLookup(client);
            }
            return state;
        });
    }
}
