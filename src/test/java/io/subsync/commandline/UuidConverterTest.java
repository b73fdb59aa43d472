package io.subsync.commandline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class UuidConverterTest {
    private final UuidConverter converter = new UuidConverter();

    @ParameterizedTest
    @ValueSource(strings = {"3f2b8c1e-9d4a-4e7b-8c2d-1a5f6e7d8c9b", "3F2B8C1E-9D4A-4E7B-8C2D-1A5F6E7D8C9B"})
    void readsACanonicalUuidInEitherCase(String value) {
        assertThat(converter.convert(value)).isEqualTo(UUID.fromString("3f2b8c1e-9d4a-4e7b-8c2d-1a5f6e7d8c9b"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x",
                "",
                " ",
                "1-2-3-4-5",
                "3f2b8c1e9d4a4e7b8c2d1a5f6e7d8c9b",
                " 3f2b8c1e-9d4a-4e7b-8c2d-1a5f6e7d8c9b",
                "3f2b8c1e-9d4a-4e7b-8c2d-1a5f6e7d8c9b0",
                "--sync-id"
            })
    void refusesAnythingElseQuotingTheValue(String value) {
        assertThatThrownBy(() -> converter.convert(value))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("not a UUID: '" + value + "'");
    }
}
