package io.subsync.commandline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code subsync demo} tells the other commands run on its data directory, in {@code
 * <data dir>/demo.properties}: its process, its URL, the Master it started (URL, key, webhook secret) and its embedded
 * PostgreSQL. {@code monitor}, {@code retry}, {@code reconcile} and the other one-shot commands take the demo's Master
 * from it when {@code MASTER_API_URL} is unset, so a second terminal needs no settings (explicit settings win). The
 * demo removes the file when it stops; a file whose process is gone (a demo that was killed) is ignored.
 *
 * @param pid             the demo's process
 * @param started         when that process started (a pid alone could be a later process that got the same number)
 * @param serviceUrl      the demo's service, e.g. http://localhost:8080
 * @param masterApiUrl    the Master simulator the demo started; null when the demo uses a Master of the user's
 * @param masterApiKey    its API key
 * @param webhookSecret   the secret its webhooks are signed with
 * @param databaseUrl     the JDBC URL of the demo's embedded PostgreSQL (for psql and tools; the commands find it
 *                        through the database's own files under the data directory)
 */
public record RunningDemo(
        long pid,
        Instant started,
        String serviceUrl,
        String masterApiUrl,
        String masterApiKey,
        String webhookSecret,
        String databaseUrl) {
    /** The file's name in the data directory. */
    public static final String FILE = "demo.properties";

    /** This process as the running demo. */
    public static RunningDemo thisProcess(
            String serviceUrl, String masterApiUrl, String masterApiKey, String webhookSecret, String databaseUrl) {
        ProcessHandle self = ProcessHandle.current();
        return new RunningDemo(
                self.pid(),
                self.info().startInstant().orElse(null),
                serviceUrl,
                masterApiUrl,
                masterApiKey,
                webhookSecret,
                databaseUrl);
    }

    /** The data directory the commands use: {@code SUBSYNC_DATA_DIR}, else {@code ./data} (as the database does). */
    public static Path dataDirectory() {
        String configured = System.getenv("SUBSYNC_DATA_DIR");
        return Path.of(configured == null || configured.isBlank() ? "data" : configured.trim());
    }

    /**
     * The demo running on {@code dataDir}; empty when there is no file, it cannot be read, or its process has ended.
     */
    public static Optional<RunningDemo> find(Path dataDir) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        RunningDemo demo;
        try {
            String started = properties.getProperty("started");
            demo = new RunningDemo(
                    Long.parseLong(properties.getProperty("pid", "").trim()),
                    started == null || started.isBlank() ? null : Instant.parse(started.trim()),
                    properties.getProperty("service-url"),
                    blankAsNull(properties.getProperty("master-api-url")),
                    blankAsNull(properties.getProperty("master-api-key")),
                    blankAsNull(properties.getProperty("master-webhook-secret")),
                    blankAsNull(properties.getProperty("db-url")));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
        return demo.alive() ? Optional.of(demo) : Optional.empty();
    }

    /** True while the process that wrote the file runs (the same pid, started at the same time). */
    boolean alive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> started == null
                        || process.info()
                                .startInstant()
                                .map(actual ->
                                        Duration.between(started, actual).abs().toMillis() < 1000)
                                .orElse(true))
                .isPresent();
    }

    /** Writes the file, readable by its owner only (it holds the Master key), replacing it whole. */
    public void write(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Path temporary = dataDir.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(
                        temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, text(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes the file if this demo wrote it (a later demo's file stays). */
    public void remove(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            if (String.valueOf(pid).equals(properties.getProperty("pid", "").trim())) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | IllegalArgumentException e) {
            // Gone already, or not ours to judge: a stale file is ignored by find() anyway.
        }
    }

    /**
     * The demo's Master as the settings' fallbacks ({@code MASTER_API_URL}, {@code MASTER_API_KEY}, {@code
     * MASTER_WEBHOOK_SECRET}): default properties, so an environment variable of the same name still wins. Empty when
     * the demo runs no Master of its own.
     */
    Map<String, Object> masterSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (masterApiUrl != null) {
            settings.put("MASTER_API_URL", masterApiUrl);
            putIfPresent(settings, "MASTER_API_KEY", masterApiKey);
            putIfPresent(settings, "MASTER_WEBHOOK_SECRET", webhookSecret);
        }
        return settings;
    }

    private String text() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("pid", String.valueOf(pid));
        values.put("started", started == null ? "" : started.toString());
        values.put("service-url", serviceUrl);
        values.put("master-api-url", masterApiUrl);
        values.put("master-api-key", masterApiKey);
        values.put("master-webhook-secret", webhookSecret);
        values.put("db-url", databaseUrl);
        StringBuilder text = new StringBuilder(
                "# Written by `subsync demo` while it runs, removed when it stops. Commands run on this data directory\n"
                        + "# take Master from here when MASTER_API_URL is unset (README, \"Try it\").\n");
        // Properties.load reads a backslash as an escape; nothing else in these values needs one.
        values.forEach((key, value) -> text.append(key)
                .append('=')
                .append(value == null ? "" : value.replace("\\", "\\\\"))
                .append('\n'));
        return text.toString();
    }

    private static void putIfPresent(Map<String, Object> settings, String key, String value) {
        if (value != null) {
            settings.put(key, value);
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
