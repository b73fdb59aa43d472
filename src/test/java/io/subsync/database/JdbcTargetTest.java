package io.subsync.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.database.DatabaseConfiguration.JdbcTarget;
import io.subsync.settings.RefusedSetting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcTargetTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "postgres://app:secret@db:5432/main?sslmode=require | jdbc:postgresql://db:5432/main?sslmode=require | app",
                "jdbc:postgresql://db:5432/main                      | jdbc:postgresql://db:5432/main                 | ",
            })
    void readsBothForms(String raw, String url, String user) {
        JdbcTarget target = JdbcTarget.parse("SUBSYNC_DB_URL", raw);

        assertThat(target.url()).isEqualTo(url);
        assertThat(target.user()).isEqualTo(user);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mysql://x                      | SUBSYNC_DB_URL: must start with jdbc:postgresql:// or postgres://, was 'mysql://x'",
                "jdbc:mysql://db/main           | SUBSYNC_DB_URL: is not a PostgreSQL URL such as jdbc:postgresql://host:5432/db, was 'jdbc:mysql://db/main'",
                "jdbc:postgresql://db:port/main | SUBSYNC_DB_URL: is not a PostgreSQL URL such as jdbc:postgresql://host:5432/db, was 'jdbc:postgresql://db:port/main'",
                "postgres://app:secret@/main    | SUBSYNC_DB_URL: names no host, was 'postgres://***@/main'",
                "postgres://app:secret@d b/main | SUBSYNC_DB_URL: is not a URL such as postgres://user:password@host:5432/db, was 'postgres://***@d b/main'",
            })
    void refusesWhatIsNotAPostgresqlUrlNamingTheSettingAndHidingThePassword(String raw, String message) {
        assertThatThrownBy(() -> JdbcTarget.parse("SUBSYNC_DB_URL", raw))
                .isInstanceOf(RefusedSetting.class)
                .hasMessage(message);
    }
}
