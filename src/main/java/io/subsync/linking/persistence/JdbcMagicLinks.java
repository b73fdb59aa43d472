package io.subsync.linking.persistence;

import io.subsync.database.DatabaseRefusal;
import io.subsync.linking.domain.AccountLinkConflict;
import io.subsync.linking.domain.InvalidLinkRequest;
import io.subsync.linking.domain.MagicLink;
import io.subsync.linking.domain.MagicLinkRefused;
import io.subsync.linking.domain.MagicLinkRefused.Reason;
import io.subsync.linking.domain.MagicLinks;
import io.subsync.linking.domain.TokenState;
import io.subsync.linking.domain.UsedMagicLink;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Magic links through {@code generate_magic_link_token}, {@code validate_magic_link_token} and
 * {@code magic_link_token_state} (V4): the rules are the functions'; this adapter passes the arguments and turns the
 * functions' SQLSTATEs into the feature's exceptions, keeping the functions' messages (they never contain the token).
 */
@Repository
class JdbcMagicLinks implements MagicLinks {
    private final JdbcClient jdbc;

    JdbcMagicLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MagicLink generate(UUID mvpUserId, Optional<Integer> validityHours) {
        String call = validityHours.isPresent()
                ? "SELECT token, expires_at FROM subsync.generate_magic_link_token(:user, :hours)"
                : "SELECT token, expires_at FROM subsync.generate_magic_link_token(:user)";
        try {
            var statement = jdbc.sql(call).param("user", mvpUserId);
            if (validityHours.isPresent()) {
                statement = statement.param("hours", validityHours.get());
            }
            return statement
                    .query((rs, row) -> new MagicLink(
                            mvpUserId,
                            rs.getString("token"),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                    .single();
        } catch (DataAccessException e) {
            throw refusal(e);
        }
    }

    @Override
    public UsedMagicLink validate(String token, UUID masterUserId, String masterEmail) {
        try {
            return jdbc.sql("SELECT * FROM subsync.validate_magic_link_token(:token, :master, :email)")
                    .param("token", token)
                    .param("master", masterUserId)
                    .param("email", masterEmail)
                    .query((rs, row) -> new UsedMagicLink(
                            rs.getObject("link_id", UUID.class),
                            rs.getObject("mvp_user_id", UUID.class),
                            rs.getBoolean("newly_linked")))
                    .single();
        } catch (DataAccessException e) {
            throw refusal(e);
        }
    }

    @Override
    public TokenState state(String token) {
        return jdbc.sql("SELECT state, expires_at FROM subsync.magic_link_token_state(:token)")
                .param("token", token)
                .query((rs, row) -> new TokenState(
                        TokenState.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                        Optional.ofNullable(rs.getObject("expires_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .optional()
                .orElseGet(TokenState::unknown);
    }

    /** The functions' refusals (SQLSTATE SL001-SL006) as the feature's exceptions; anything else as it was. */
    private static RuntimeException refusal(DataAccessException e) {
        return DatabaseRefusal.of(e)
                .<RuntimeException>map(refusal -> switch (refusal.sqlState()) {
                    case "SL001" -> new MagicLinkRefused(Reason.UNKNOWN, refusal.message());
                    case "SL002" -> new MagicLinkRefused(Reason.EXPIRED, refusal.message());
                    case "SL003" -> new MagicLinkRefused(Reason.USED, refusal.message());
                    case "SL006" -> new InvalidLinkRequest("validityHours", refusal.message());
                    default ->
                        AccountLinkConflict.ofSqlState(refusal.sqlState(), refusal.message())
                                .map(RuntimeException.class::cast)
                                .orElse(e);
                })
                .orElse(e);
    }
}
