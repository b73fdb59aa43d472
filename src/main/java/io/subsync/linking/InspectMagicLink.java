package io.subsync.linking;

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

    public TokenState inspect(String token, String client) {
        TokenState state = token == null || token.isBlank() || token.length() > LinkInput.MAX_TOKEN_LENGTH
                ? TokenState.unknown()
                : links.state(token.trim());
        if (state.state() != TokenState.State.VALID) {
            attempts.refusedLookup(client);
        }
        return state;
    }
}
