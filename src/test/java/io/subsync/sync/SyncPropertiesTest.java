package io.subsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncPropertiesTest {
    @Test
    void aLeaseThatDoesNotOutlastTheConnectAndReadTimeoutsIsRefused() {
        assertThatThrownBy(() -> withLease(Duration.ofSeconds(12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SUBSYNC_SYNC_LEASE")
                .hasMessageContaining("12000 ms");
        assertThatThrownBy(() -> withLease(Duration.ofSeconds(3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLeaseLongerThanOneDeliveryIsTaken() {
        assertThat(withLease(Duration.ofMillis(12_001)).lease()).isEqualTo(Duration.ofMillis(12_001));
        assertThat(withLease(Duration.ofSeconds(30)).lease()).isEqualTo(Duration.ofSeconds(30));
    }

    private static SyncProperties withLease(Duration lease) {
        return new SyncProperties("http://127.0.0.1:1", "key", 4, 32, Duration.ofMillis(200), lease,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(2), List.of(Duration.ofSeconds(2)), 0.2,
                Duration.ofHours(1), Duration.ofHours(24), null, null);
    }
}
