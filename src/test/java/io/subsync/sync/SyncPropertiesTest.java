package io.subsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.support.SyncPropertiesBuilder;
import java.time.Duration;
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
        return SyncPropertiesBuilder.syncProperties()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(10))
                .lease(lease)
                .build();
    }
}
