package io.subsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageTextsTest {
    @Test
    void idsThatShareTheirStartAreToldApart() {
        UUID first = UUID.fromString("5f0c6a4e-2b2f-4d66-8d2f-00000000b001");
        UUID second = UUID.fromString("5f0c6a4e-2b2f-4d66-8d2f-00000000b002");

        assertThat(PageTexts.shortId(first)).isEqualTo("5f0c6a4e…b001");
        assertThat(PageTexts.shortId(second)).isNotEqualTo(PageTexts.shortId(first));
        assertThat(PageTexts.shortId(null)).isNull();
    }
}
