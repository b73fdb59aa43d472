package io.subsync.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL 17 run from the jar, its data directory kept between runs. */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** The PostgreSQL this process started; null when it attached to one another process runs. */
    private final EmbeddedPostgres postgres;

    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on a free loopback port with its files under {@code dataDir/postgres}. When another process
     * (a running {@code demo} or {@code serve}) already runs PostgreSQL on that directory, this one connects to it
     * instead, so {@code monitor}, {@code retry} and {@code reconcile} work beside it; it then leaves it running.
     */
    public static EmbeddedDatabase start(Path dataDir, boolean clean) {
        Path directory = dataDir.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", clean ? "off" : "on")
                    .start();
            log.info("Embedded PostgreSQL 17 on port {}, data in {}", postgres.getPort(), directory);
            return new EmbeddedDatabase(postgres, postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        } catch (IllegalStateException e) {
            if (clean || !String.valueOf(e.getMessage()).contains("could not lock")) {
                throw e;
            }
            int port = runningPort(directory)
                    .orElseThrow(() -> new IllegalStateException(
                            "the embedded PostgreSQL in "
                                    + directory
                                    + " is locked by another process that is not running it (yet); try again, or set "
                                    + "SUBSYNC_DB_URL",
                            e));
            log.info(
                    "Embedded PostgreSQL in {} is run by another process; connecting to it on port {}",
                    directory,
                    port);
            return new EmbeddedDatabase(null, port);
        }
    }

    /** The port of the PostgreSQL running on {@code directory}: line 4 of its {@code postmaster.pid}, once ready. */
    static Optional<Integer> runningPort(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            if (lines.size() < 8 || !lines.get(7).trim().equals("ready")) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
