package io.subsync.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SQL kept in a file of its own under {@code src/main/resources/sql}, read once by the adapter that runs it. */
public final class SqlResource {
    private SqlResource() {}

    /** The text of the resource at {@code path} (e.g. {@code sql/sync/claim.sql}); a missing one is a bug. */
    public static String load(String path) {
        try (InputStream in = SqlResource.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
