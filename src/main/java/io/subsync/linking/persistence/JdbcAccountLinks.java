package io.subsync.linking.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.database.Columns;
import io.subsync.database.DatabaseRefusal;
import io.subsync.linking.AccountLink;
import io.subsync.linking.AccountLinks;
import io.subsync.linking.AccountSyncStatus;
import io.subsync.linking.domain.AccountLinkConflict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account links in {@code account_sync}. */
@Repository
class JdbcAccountLinks implements AccountLinks {
    private final JdbcClient jdbc;

    JdbcAccountLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AccountLink> find(UUID mvpUserId) {
        return jdbc.sql("SELECT * FROM subsync.account_sync WHERE mvp_user_id = :user")
                .param("user", mvpUserId)
                .query(JdbcAccountLinks::link)
                .optional();
    }

    @Override
    public Set<UUID> lockLinked(Collection<UUID> mvpUserIds) {
        if (mvpUserIds.isEmpty()) {
            return Set.of();
        }
        // One array parameter, however many users; FOR UPDATE in id order takes the locks in the lock order.
        return jdbc
                .sql("""
                        SELECT mvp_user_id, master_user_id IS NOT NULL AS linked FROM subsync.account_sync
                        WHERE mvp_user_id = ANY (CAST(:users AS uuid[]))
                        ORDER BY mvp_user_id FOR UPDATE""")
                .param("users", mvpUserIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, row) -> rs.getBoolean("linked") ? rs.getObject("mvp_user_id", UUID.class) : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public AccountLink lockOrCreate(UUID mvpUserId, Instant at) {
        jdbc.sql("""
                        INSERT INTO subsync.account_sync (mvp_user_id, sync_status, created_at, updated_at)
                        VALUES (:user, 'pending', :at, :at) ON CONFLICT (mvp_user_id) DO NOTHING""").param("user", mvpUserId).param("at", time(at)).update();
        return jdbc.sql("SELECT * FROM subsync.account_sync WHERE mvp_user_id = :user FOR UPDATE")
                .param("user", mvpUserId)
                .query(JdbcAccountLinks::link)
                .single();
    }

    @Override
    public boolean link(UUID mvpUserId, UUID masterUserId, String masterEmail, Instant at) {
        try {
            return jdbc.sql("SELECT subsync.link_master_account(:user, :master, :email, :at)")
                    .param("user", mvpUserId)
                    .param("master", masterUserId)
                    .param("email", masterEmail)
                    .param("at", time(at))
                    .query(Boolean.class)
                    .single();
        } catch (DataAccessException e) {
            throw conflict(e).orElseThrow(() -> e);
        }
    }

    /** The link refusals of {@code link_master_account} (SQLSTATE SL004, SL005) as {@link AccountLinkConflict}. */
    private static Optional<AccountLinkConflict> conflict(DataAccessException e) {
        return DatabaseRefusal.of(e)
                .flatMap(refusal -> AccountLinkConflict.ofSqlState(refusal.sqlState(), refusal.message()));
    }

    @Override
    public void unlink(UUID mvpUserId, Instant at) {
        jdbc.sql("""
                        UPDATE subsync.account_sync SET master_user_id = NULL, master_email = NULL, sync_status = 'pending',
                            last_error = NULL, updated_at = :at
                        WHERE mvp_user_id = :user""").param("at", time(at)).param("user", mvpUserId).update();
    }

    @Override
    public void markSynced(UUID mvpUserId, Instant at) {
        jdbc.sql(
                        "UPDATE subsync.account_sync SET sync_status = 'synced', last_error = NULL, updated_at = :at WHERE mvp_user_id = :user")
                .param("at", time(at))
                .param("user", mvpUserId)
                .update();
    }

    static AccountLink link(ResultSet rs, int row) throws SQLException {
        return new AccountLink(
                rs.getObject("mvp_user_id", UUID.class),
                Optional.ofNullable(rs.getObject("master_user_id", UUID.class)),
                Optional.ofNullable(rs.getString("master_email")),
                AccountSyncStatus.fromCode(rs.getString("sync_status")),
                Optional.ofNullable(Columns.instant(rs.getObject("last_sync_at", OffsetDateTime.class))),
                Optional.ofNullable(rs.getString("last_error")));
    }

    @Override
    public List<AccountLink> linkedAccounts(Optional<UUID> after, int limit) {
        return jdbc.sql("""
                        SELECT * FROM subsync.account_sync
                        WHERE master_user_id IS NOT NULL AND (CAST(:after AS uuid) IS NULL OR mvp_user_id > CAST(:after AS uuid))
                        ORDER BY mvp_user_id LIMIT :limit""")
                .param("after", after.orElse(null), Types.OTHER)
                .param("limit", limit)
                .query(JdbcAccountLinks::link)
                .list();
    }
}
