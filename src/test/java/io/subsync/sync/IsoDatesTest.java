package io.subsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class IsoDatesTest {

    @Test
    void aDayMeansItsStartInUtc() {
        assertThat(IsoDates.parse("2026-11-01")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void aDateTimeKeepsItsOffset() {
        assertThat(IsoDates.parse("2026-11-01T10:30:00+02:00")).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
        assertThat(IsoDates.parse("2026-11-01T10:30:00Z")).isEqualTo(Instant.parse("2026-11-01T10:30:00Z"));
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(IsoDates.parse(" 2026-11-01 ")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> IsoDates.parse("01/11/2026")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoDates.parse("2026-11-01T10:30:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoDates.parse("")).isInstanceOf(DateTimeParseException.class);
    }
}
