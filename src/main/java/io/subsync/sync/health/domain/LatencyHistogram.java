package io.subsync.sync.health.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long delivered operations took from accepted to confirmed by Master, counted in buckets: below each bound in
 * turn, and one last bucket for the rest.
 */
public record LatencyHistogram(List<Bucket> buckets) {
    /** The upper bounds (exclusive) of the buckets, in order; a last bucket takes what is at or above the last. */
    public static final List<Duration> BOUNDS = List.of(
            Duration.ofMillis(10),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30));

    /** A bucket: latencies from {@code from} (inclusive) to {@code below} (exclusive; null for the last bucket). */
    public record Bucket(Duration from, Duration below, long count) {
        /** e.g. {@code <10 ms}, {@code <1 s}, {@code ≥30 s}. */
        public String label() {
            return below == null ? "≥" + format(from) : "<" + format(below);
        }
    }

    public LatencyHistogram {
        buckets = List.copyOf(buckets);
    }

    /**
     * A histogram over {@code bounds} from the count of each bucket: {@code counts[0]} below the first bound,
     * {@code counts[bounds.size()]} at or above the last.
     */
    public static LatencyHistogram of(List<Duration> bounds, long[] counts) {
        if (counts.length != bounds.size() + 1) {
            throw new IllegalArgumentException(
                    bounds.size() + " bounds need " + (bounds.size() + 1) + " counts, not " + counts.length);
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i <= bounds.size(); i++) {
            buckets.add(new Bucket(
                    i == 0 ? Duration.ZERO : bounds.get(i - 1), i < bounds.size() ? bounds.get(i) : null, counts[i]));
        }
        return new LatencyHistogram(buckets);
    }

    /** The number of deliveries counted. */
    public long total() {
        return buckets.stream().mapToLong(Bucket::count).sum();
    }

    public boolean empty() {
        return total() == 0;
    }

    private static String format(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toMillis() / 1000 + " s";
    }
}
