package io.subsync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RequestThreadsTest {
    @Test
    void eightPerCoreAndNeverFewerThanSixteen() {
        assertThat(RequestThreads.derived(1)).isEqualTo(16);
        assertThat(RequestThreads.derived(2)).isEqualTo(16);
        assertThat(RequestThreads.derived(4)).isEqualTo(32);
        assertThat(RequestThreads.derived(16)).isEqualTo(128);
    }

    @Test
    void aGivenCountIsKeptAndANegativeOneRefused() {
        assertThat(new RequestThreads(40, new MockEnvironment()).threads()).isEqualTo(40);
        assertThat(new RequestThreads(0, new MockEnvironment()).threads())
                .isEqualTo(RequestThreads.derived(Runtime.getRuntime().availableProcessors()));
        assertThatThrownBy(() -> new RequestThreads(-1, new MockEnvironment()))
                .hasMessageContaining("SUBSYNC_HTTP_THREADS");
    }
}
