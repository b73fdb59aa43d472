package io.subsync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real pgbouncer (Debian's package {@code pgbouncer}) in front of one database, started for a test and stopped at
 * {@link #close()}. It runs as user {@code postgres} when the tests run as root, since pgbouncer refuses root.
 */
public final class Pgbouncer implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");
    private final Path dir;
    private final Process process;
    private final int port;

    private Pgbouncer(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Starts pgbouncer in {@code poolMode} with {@code serverConnections} server connections per (database, user),
     * serving {@code database} on {@code host:port} as database {@code alias}, for the given users (trust auth).
     */
    public static Pgbouncer start(
            String poolMode,
            int serverConnections,
            String alias,
            String host,
            int targetPort,
            String database,
            List<String> users) {
        if (!installed()) {
            throw new IllegalStateException(
                    BINARY + " is missing: the pooler tests need Debian's pgbouncer (apt-get install -y pgbouncer)");
        }
        try {
            Path dir = Files.createTempDirectory("subsync-pgbouncer");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            int port = FreePorts.next();
            StringBuilder userlist = new StringBuilder();
            users.forEach(user -> userlist.append('"').append(user).append("\" \"\"\n"));
            Files.writeString(dir.resolve("userlist.txt"), userlist);
            Files.writeString(
                    dir.resolve("pgbouncer.ini"),
                    String.join(
                            "\n",
                            List.of(
                                    "[databases]",
                                    alias + " = host=" + host + " port=" + targetPort + " dbname=" + database,
                                    "[pgbouncer]",
                                    "listen_addr = 127.0.0.1",
                                    "listen_port = " + port,
                                    "unix_socket_dir =",
                                    "auth_type = trust",
                                    "auth_file = " + dir.resolve("userlist.txt"),
                                    "pool_mode = " + poolMode,
                                    "default_pool_size = " + serverConnections,
                                    "max_client_conn = 500",
                                    // pgjdbc sends it at every connection; pgbouncer 1.18 refuses what it does not
                                    // know.
                                    "ignore_startup_parameters = extra_float_digits",
                                    "logfile = " + dir.resolve("pgbouncer.log"),
                                    "pidfile = " + dir.resolve("pgbouncer.pid"),
                                    "")));
            for (String file : List.of("userlist.txt", "pgbouncer.ini")) {
                Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
            }
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            command.addAll(
                    List.of(BINARY.toString(), dir.resolve("pgbouncer.ini").toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .start();
            Pgbouncer bouncer = new Pgbouncer(dir, process, port);
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** What pgbouncer wrote to its log and its output. */
    public String log() {
        try {
            StringBuilder out = new StringBuilder();
            for (String file : List.of("stdout.txt", "pgbouncer.log")) {
                Path path = dir.resolve(file);
                if (Files.exists(path)) {
                    out.append(Files.readString(path, StandardCharsets.UTF_8));
                }
            }
            return out.toString();
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("pgbouncer did not listen on " + port + " within 15 s:\n" + log());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
