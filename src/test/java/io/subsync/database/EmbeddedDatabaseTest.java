package io.subsync.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the PostgreSQL another process runs on the data directory, from its postmaster.pid. */
class EmbeddedDatabaseTest {
    @TempDir
    Path directory;

    @Test
    void aReadyServersPortIsTheFourthLineOfItsPidFile() throws IOException {
        Files.writeString(
                directory.resolve("postmaster.pid"),
                "28124\n/data/postgres\n1795912539\n45607\n/tmp\nlocalhost\n  2261154     98338\nready   \n");

        assertThat(EmbeddedDatabase.runningPort(directory)).contains(45607);
    }

    @Test
    void aServerStillStartingOrNoneAtAllHasNoPort() throws IOException {
        assertThat(EmbeddedDatabase.runningPort(directory)).isEmpty();

        Files.writeString(
                directory.resolve("postmaster.pid"),
                "28124\n/data/postgres\n1795912539\n45607\n/tmp\nlocalhost\n  2261154     98338\nstarting\n");
        assertThat(EmbeddedDatabase.runningPort(directory)).isEmpty();
    }
}
