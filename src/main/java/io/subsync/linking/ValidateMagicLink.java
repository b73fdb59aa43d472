package io.subsync.linking;

import io.subsync.access.Provenance;
import io.subsync.linking.domain.LinkInput;
import io.subsync.linking.domain.MagicLinkRefused;
import io.subsync.linking.domain.MagicLinks;
import io.subsync.linking.domain.UsedMagicLink;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uses a magic link (Master's site posts it, with Master's key, or a service_role caller): in one transaction the
 * token is checked and used and the accounts linked ({@code validate_magic_link_token}), then sync's
 * {@link LinkAccount} audits the link, releases waiting operations and queues the full re-push. Refusals are limited
 * per client and per token ({@link LinkAttempts}); a valid token is used whatever was refused before it. Logs name a
 * token by its fingerprint only.
 */
@Service
public class ValidateMagicLink {
    /** The caller for Master's key: Master validates the links its users open, on each one's behalf. */
    public static final String MASTER = "master";

    private static final Logger log = LoggerFactory.getLogger(ValidateMagicLink.class);
    private final MagicLinks links;
    private final LinkAccount linkAccount;
    private final LinkAttempts attempts;
    private final TransactionTemplate transactions;

    ValidateMagicLink(
            MagicLinks links, LinkAccount linkAccount, LinkAttempts attempts, TransactionTemplate transactions) {
        this.links = links;
        this.linkAccount = linkAccount;
        this.attempts = attempts;
        this.transactions = transactions;
    }

    /**
     * @param caller who is asking ({@link #MASTER}, {@code service_role:…}): counted by the limits, recorded in the audit
     */
    public LinkAccount.Linked validate(
            String rawToken, UUID rawMasterUserId, String rawMasterEmail, String caller, String requestId) {
        String token = LinkInput.token(rawToken);
        UUID masterUserId = LinkInput.masterUserId(rawMasterUserId);
        String masterEmail = LinkInput.masterEmail(rawMasterEmail);
        try {
            LinkAccount.Linked linked = transactions.execute(tx -> {
                UsedMagicLink used = links.validate(token, masterUserId, masterEmail);
                return linkAccount.linked(
                        used.mvpUserId(),
                        used.newlyLinked(),
                        "magic_link",
                        Map.of("magicLinkId", used.linkId().toString()),
                        new Provenance(caller, requestId));
            });
            log.info(
                    "Magic link {} used by {}: MVP user {} linked to Master account {} ({} syncs queued)",
                    LinkInput.fingerprint(token),
                    caller,
                    linked.account().mvpUserId(),
                    masterUserId,
                    linked.queuedSyncs());
            return linked;
        } catch (MagicLinkRefused e) {
            log.info(
                    "Magic link {} refused for {}: {}",
                    LinkInput.fingerprint(token),
                    caller,
                    e.reason().code());
            attempts.refused(client(caller, masterUserId), token);
            throw e;
        }
    }

    /**
     * Who a refusal counts against. Master's refusals are counted per Master account (the user who opened the link at
     * Master), so one of its users opening old links cannot hold back the others; any other caller is one client.
     */
    private static String client(String caller, UUID masterUserId) {
        return MASTER.equals(caller) ? MASTER + ":" + masterUserId : caller;
    }
}
