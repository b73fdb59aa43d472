package io.subsync.sync.outbound;

import static io.subsync.support.SyncPropertiesBuilder.syncProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;

/** How delivery waits out an outage of the database: the backoff, and recording what Master answered once it is back. */
class DatabaseOutagesTest {
    private final DatabaseOutages outages = new DatabaseOutages(
            syncProperties().pollInterval(Duration.ofMillis(200)).build());

    @Test
    void claimsBackOffFromThePollIntervalDoublingUpToFiveSeconds() {
        assertThat(outages.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(outages.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(outages.backoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(outages.backoff(5)).isEqualTo(Duration.ofMillis(3_200));
        assertThat(outages.backoff(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(outages.backoff(1_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anAnswerIsRecordedOnceTheDatabaseIsBack() {
        AtomicInteger tries = new AtomicInteger();
        Boolean held = outages.recording(
                () -> {
                    if (tries.incrementAndGet() < 3) {
                        throw new CannotCreateTransactionException("the database is unreachable");
                    }
                    return true;
                },
                Duration.ofSeconds(10));

        assertThat(held).isTrue();
        assertThat(tries).hasValue(3);
    }

    @Test
    void recordingGivesUpAfterItsPatienceAndAtOnceOnAnyOtherFailure() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> outages.recording(
                        () -> {
                            tries.incrementAndGet();
                            throw new CannotCreateTransactionException("the database is unreachable");
                        },
                        Duration.ofMillis(600)))
                .isInstanceOf(CannotCreateTransactionException.class);
        assertThat(tries.get()).isBetween(2, 4);

        tries.set(0);
        assertThatThrownBy(() -> outages.recording(
                        () -> {
                            tries.incrementAndGet();
                            throw new DuplicateKeyException("a bug, not an outage");
                        },
                        Duration.ofSeconds(10)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(tries).hasValue(1);
    }
}
