package io.subsync.sync.outbound;

import io.subsync.access.Caller;
import io.subsync.database.Columns;
import io.subsync.database.DatabaseUnavailable;
import io.subsync.sync.InvalidSyncRequest;
import io.subsync.sync.SyncProperties;
import io.subsync.sync.outbound.domain.IdempotencyKeyConflict;
import io.subsync.sync.outbound.domain.IdempotencyKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for {@code POST /sync-subscription}: the first answer is kept (24 h by default) and
 * replayed exactly for the same key and body; the same key with another body is refused, and so is the same key
 * while its first request still runs.
 */
@Service
public class IdempotentSyncs {
    /** A request holding its key longer than this is taken to have died; its key may be used again. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(IdempotentSyncs.class);

    private final IdempotencyKeys keys;
    private final RecordSync recordSync;
    private final SyncProperties properties;
    private final Clock clock;
    private final JsonMapper json;

    IdempotentSyncs(
            IdempotencyKeys keys, RecordSync recordSync, SyncProperties properties, Clock clock, JsonMapper json) {
        this.keys = keys;
        this.recordSync = recordSync;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    /** An HTTP answer: status and JSON body. */
    public record Reply(int status, String body) {}

    public Reply sync(String key, SyncRequest request, Caller caller, String requestId) {
        if (key.isBlank() || key.length() > 255) {
            throw new InvalidSyncRequest("Idempotency-Key", "must be 1-255 characters");
        }
        Instant now = clock.instant();
        String owner = caller.actor();
        IdempotencyKeys.Claim claim = keys.begin(
                owner, key, hash(request), now, now.plus(properties.idempotencyKeyTtl()), now.minus(ABANDONED_AFTER));
        if (claim instanceof IdempotencyKeys.Claim.Replay replay) {
            return new Reply(replay.status(), replay.body());
        }
        if (claim instanceof IdempotencyKeys.Claim.Running) {
            throw new IdempotencyKeyConflict(true);
        }
        if (claim instanceof IdempotencyKeys.Claim.OtherBody) {
            throw new IdempotencyKeyConflict(false);
        }
        try {
            SyncAnswer answer = recordSync.sync(request, caller, requestId);
            Reply reply = new Reply(answer.synced() ? 200 : 202, json.writeValueAsString(answer));
            finish(owner, key, reply);
            return reply;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.noConnection(e)) {
                // Releasing the key would wait out the pool's timeout again and fail: it is taken to have died after
                // ABANDONED_AFTER, like a request that crashed.
                throw e;
            }
            try {
                keys.abandon(owner, key);
            } catch (RuntimeException unreleased) {
                e.addSuppressed(unreleased);
            }
            throw e;
        }
    }

    /**
     * Keeps the answer for replays. The operation is recorded by then: if the database has gone away meanwhile, the
     * caller still gets its answer rather than a 503, and the key is free again once it is taken to have died
     * ({@link #ABANDONED_AFTER}); a later request with it records nothing new (the state is already wanted).
     */
    private void finish(String owner, String key, Reply reply) {
        try {
            keys.finish(owner, key, reply.status(), reply.body());
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.explains(e)) {
                throw e;
            }
            log.warn(
                    "The answer to an Idempotency-Key of {} was not kept: the database became unreachable after the"
                            + " operation was recorded",
                    owner);
        }
    }

    /**
     * The body's fingerprint, written by the fixed mapper of the stored columns rather than the application's
     * configurable one: a key's hash must not change when {@code spring.jackson.*} settings or a deploy do.
     */
    private String hash(SyncRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Columns.JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
