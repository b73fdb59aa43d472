package io.subsync.linking;

import io.subsync.access.Caller;
import io.subsync.access.NotYourAccount;
import io.subsync.access.Provenance;
import io.subsync.linking.domain.AccountNotLinked;
import io.subsync.linking.domain.LinkInput;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Explicit unlinking (the owner or service_role) and relinking to another Master account in one transaction
 * (service_role), both audited by sync's {@link LinkAccount}.
 */
@Service
public class ChangeAccountLink {
    private final LinkAccount linkAccount;

    ChangeAccountLink(LinkAccount linkAccount) {
        this.linkAccount = linkAccount;
    }

    public AccountLink unlink(UUID mvpUserId, Caller caller, String requestId) {
        if (!caller.mayActFor(mvpUserId)) {
            throw new NotYourAccount();
        }
        return linkAccount
                .unlink(mvpUserId, new Provenance(caller.actor(), requestId))
                .orElseThrow(() -> new AccountNotLinked(mvpUserId));
    }

    public LinkAccount.Linked relink(
            UUID mvpUserId, UUID masterUserId, String masterEmail, Caller caller, String requestId) {
        if (!caller.isServiceRole()) {
            throw new NotYourAccount();
        }
        return linkAccount.relink(
                mvpUserId,
                LinkInput.masterUserId(masterUserId),
                LinkInput.masterEmail(masterEmail),
                new Provenance(caller.actor(), requestId));
    }
}
