package io.subsync.sync.persistence;

import static io.subsync.sync.persistence.SyncJson.time;

import io.subsync.sync.domain.AccountLink;
import io.subsync.sync.domain.AccountLinkConflict;
import io.subsync.sync.domain.AccountLinks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account links in {@code account_sync}. */
@Repository
public class JdbcAccountLinks implements AccountLinks {
    private final JdbcClient jdbc;

    JdbcAccountLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AccountLink> find(UUID mvpUserId) {
        return jdbc.sql("SELECT * FROM account_sync WHERE mvp_user_id = :user").param("user", mvpUserId)
                .query(JdbcAccountLinks::link).optional();
    }

    @Override
    public AccountLink lockOrCreate(UUID mvpUserId, Instant at) {
        jdbc.sql("""
                        INSERT INTO account_sync (mvp_user_id, sync_status, created_at, updated_at)
                        VALUES (:user, 'pending', :at, :at) ON CONFLICT (mvp_user_id) DO NOTHING""")
                .param("user", mvpUserId).param("at", time(at)).update();
        return jdbc.sql("SELECT * FROM account_sync WHERE mvp_user_id = :user FOR UPDATE").param("user", mvpUserId)
                .query(JdbcAccountLinks::link).single();
    }

    @Override
    public void link(UUID mvpUserId, UUID masterUserId, Instant at) {
        Optional<UUID> other = jdbc.sql("SELECT mvp_user_id FROM account_sync WHERE master_user_id = :master AND mvp_user_id <> :user")
                .param("master", masterUserId).param("user", mvpUserId).query(UUID.class).optional();
        if (other.isPresent()) {
            throw new AccountLinkConflict("Master account " + masterUserId + " is already linked to another MVP user");
        }
        try {
            jdbc.sql("UPDATE account_sync SET master_user_id = :master, updated_at = :at WHERE mvp_user_id = :user")
                    .param("master", masterUserId).param("at", time(at)).param("user", mvpUserId).update();
        } catch (DuplicateKeyException e) {
            throw new AccountLinkConflict("Master account " + masterUserId + " is already linked to another MVP user");
        }
    }

    static AccountLink link(ResultSet rs, int row) throws SQLException {
        return new AccountLink(rs.getObject("mvp_user_id", UUID.class),
                Optional.ofNullable(rs.getObject("master_user_id", UUID.class)),
                Optional.ofNullable(rs.getString("master_email")), rs.getString("sync_status"),
                Optional.ofNullable(SyncJson.instant(rs.getObject("last_sync_at", OffsetDateTime.class))),
                Optional.ofNullable(rs.getString("last_error")));
    }
}
