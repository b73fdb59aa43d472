package io.subsync.sync.health.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void bucketsRunFromZeroThroughEachBoundToAnOpenLastOne() {
        LatencyHistogram histogram =
                LatencyHistogram.of(LatencyHistogram.BOUNDS, new long[] {0, 2, 0, 1, 0, 0, 3, 0, 1});

        assertThat(histogram.buckets())
                .extracting(LatencyHistogram.Bucket::label)
                .containsExactly("<10 ms", "<50 ms", "<100 ms", "<250 ms", "<500 ms", "<1 s", "<5 s", "<30 s", "≥30 s");
        assertThat(histogram.buckets().get(0).from()).isEqualTo(Duration.ZERO);
        assertThat(histogram.buckets().get(1).from()).isEqualTo(Duration.ofMillis(10));
        assertThat(histogram.buckets().get(8).below()).isNull();
        assertThat(histogram.total()).isEqualTo(7);
        assertThat(histogram.empty()).isFalse();
    }

    @Test
    void noDeliveriesIsAnEmptyHistogram() {
        assertThat(LatencyHistogram.of(List.of(Duration.ofMillis(10)), new long[] {0, 0})
                        .empty())
                .isTrue();
    }

    @Test
    void refusesCountsThatDoNotFitTheBounds() {
        assertThatThrownBy(() -> LatencyHistogram.of(LatencyHistogram.BOUNDS, new long[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 9 counts");
    }
}
