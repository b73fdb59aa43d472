package io.subsync.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogPanelTest {

    @Test
    void filtersAreTrimmedAndCodesLowerCased() {
        UUID user = UUID.randomUUID();
        LogPanel.Checked checked =
                LogPanel.Query.of(" FAILED ", "Create", " " + user + " ", "").check();

        assertThat(checked.valid()).isTrue();
        assertThat(checked.filter().status()).contains("failed");
        assertThat(checked.filter().operation()).contains("create");
        assertThat(checked.filter().mvpUserId()).contains(user);
        assertThat(checked.after()).isEmpty();
    }

    @Test
    void everyBadFilterIsNamedAndNothingIsAsked() {
        LogPanel.Checked checked =
                LogPanel.Query.of("bogus", "explode", "12345", "not-a-cursor").check();

        assertThat(checked.valid()).isFalse();
        assertThat(checked.filter()).isNull();
        assertThat(checked.errors()).hasSize(4);
        assertThat(checked.errors().get(2)).contains("'12345' is not a UUID");
    }

    @Test
    void pagingKeepsTheFilters() {
        LogPanel.Query query = LogPanel.Query.of("failed", null, null, null);

        assertThat(query.url("abc")).isEqualTo("/admin/sync/log?status=failed&cursor=abc");
        assertThat(query.url(null)).isEqualTo("/admin/sync/log?status=failed");
        assertThat(LogPanel.Query.of(null, null, null, null).filtered()).isFalse();
        assertThat(query.filtered()).isTrue();
    }
}
