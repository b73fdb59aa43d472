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

    /**
     * A user as a row names them: the e-mail of their Master account where it is known, else {@link #shortId}; the
     * whole id goes in a title either way.
     */
    public static String user(String email, UUID id) {
        return email != null && !email.isBlank() ? email.strip() : shortId(id);
    }

    /**
     * A UUID's first block and its last four digits ({@code 5f0c6a4e…b001}), enough to tell rows apart at a glance
     * also when ids share their start, as made-up and sequential ones do; the whole one goes in a title.
     */
    public static String shortId(UUID id) {
        if (id == null) {
            return null;
        }
        String text = id.toString();
        return text.substring(0, 8) + "…" + text.substring(text.length() - 4);
    }
}
