package io.subsync.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** How the pages print times and ids: UTC times to the second, and a UUID's first block where the row is narrow. */
public final class PageTexts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private PageTexts() {}

    public static String when(Instant at) {
        return at == null ? "—" : WHEN.format(at);
    }

    public static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** The first block of a UUID, enough to tell rows apart at a glance; the whole one goes in a title. */
    public static String shortId(UUID id) {
        return id == null ? null : id.toString().substring(0, 8);
    }
}
