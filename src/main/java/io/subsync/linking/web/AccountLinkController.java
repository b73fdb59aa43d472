package io.subsync.linking.web;

import io.subsync.access.Caller;
import io.subsync.linking.AccountLink;
import io.subsync.linking.ChangeAccountLink;
import io.subsync.linking.CreateMagicLink;
import io.subsync.linking.LinkAccount;
import io.subsync.linking.LinkingProperties;
import io.subsync.linking.ValidateMagicLink;
import io.subsync.linking.domain.MagicLink;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/account-links}: create a magic link, validate it (service_role or Master's {@code X-Master-Key}),
 * unlink, relink. Answers carry the link's state, never a token other than the one just created.
 */
@RestController
@ConditionalOnWebApplication
class AccountLinkController {
    private final CreateMagicLink create;
    private final ValidateMagicLink validate;
    private final ChangeAccountLink change;
    private final LinkingProperties properties;

    AccountLinkController(
            CreateMagicLink create,
            ValidateMagicLink validate,
            ChangeAccountLink change,
            LinkingProperties properties) {
        this.create = create;
        this.validate = validate;
        this.change = change;
        this.properties = properties;
    }

    record CreateBody(UUID mvpUserId, Integer validityHours) {}

    record CreatedView(UUID mvpUserId, String token, Instant expiresAt, String linkUrl) {}

    record ValidateBody(String token, UUID masterUserId, String masterEmail) {}

    record RelinkBody(UUID masterUserId, String masterEmail) {}

    record LinkView(
            UUID mvpUserId,
            UUID masterUserId,
            String masterEmail,
            boolean linked,
            String syncStatus,
            Instant lastSyncAt,
            String lastError,
            Boolean newlyLinked,
            Integer queuedSyncs) {
        static LinkView of(AccountLink link, Boolean newlyLinked, Integer queuedSyncs) {
            return new LinkView(
                    link.mvpUserId(),
                    link.masterUserId().orElse(null),
                    link.masterEmail().orElse(null),
                    link.linked(),
                    link.syncStatus().code(),
                    link.lastSyncAt().orElse(null),
                    link.lastError().orElse(null),
                    newlyLinked,
                    queuedSyncs);
        }

        static LinkView of(LinkAccount.Linked linked) {
            return of(linked.account(), linked.newlyLinked(), linked.queuedSyncs());
        }
    }

    /** 201 with the token, shown this once, and the link to send to the user. */
    @PostMapping("/api/account-links")
    ResponseEntity<CreatedView> create(@RequestBody(required = false) CreateBody body, Authentication authentication) {
        CreateBody asked = body == null ? new CreateBody(null, null) : body;
        MagicLink link = create.create(
                Optional.ofNullable(asked.mvpUserId()),
                Optional.ofNullable(asked.validityHours()),
                caller(authentication));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Cache-Control", "no-store")
                .body(new CreatedView(link.mvpUserId(), link.token(), link.expiresAt(), linkUrl(link.token())));
    }

    @PostMapping("/api/account-links/validate")
    LinkView validate(
            @RequestBody ValidateBody body,
            Authentication authentication,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        return LinkView.of(validate.validate(
                body.token(), body.masterUserId(), body.masterEmail(), actor(authentication), request(requestId)));
    }

    @DeleteMapping("/api/account-links/{mvpUserId}")
    LinkView unlink(
            @PathVariable UUID mvpUserId,
            Authentication authentication,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        return LinkView.of(change.unlink(mvpUserId, caller(authentication), request(requestId)), null, null);
    }

    @PutMapping("/api/account-links/{mvpUserId}")
    LinkView relink(
            @PathVariable UUID mvpUserId,
            @RequestBody RelinkBody body,
            Authentication authentication,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        return LinkView.of(change.relink(
                mvpUserId, body.masterUserId(), body.masterEmail(), caller(authentication), request(requestId)));
    }

    private String linkUrl(String token) {
        return properties.linkUrl(
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(), token);
    }

    private static Caller caller(Authentication authentication) {
        return Caller.of(((JwtAuthenticationToken) authentication).getToken());
    }

    /** A bearer token's actor, or {@code master} for Master's key (the only other way in, see access). */
    private static String actor(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken jwt
                ? Caller.of(jwt.getToken()).actor()
                : ValidateMagicLink.MASTER;
    }

    private static String request(String requestId) {
        return requestId == null ? UUID.randomUUID().toString() : requestId;
    }
}
