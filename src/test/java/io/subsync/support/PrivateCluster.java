package io.subsync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster of the test's own, which the test starts, stops and kills: for what a shared database must
 * not be put through (an outage, a crash). Made by {@code initdb} in a temporary directory, with trust
 * authentication, listening on a free port of 127.0.0.1 only, its socket in its own directory. Run as user
 * {@code postgres} when the tests run as root (PostgreSQL refuses root), through {@code runuser}; as the current user
 * otherwise. {@link #close()} stops it and removes its files, and so does a JVM that exits first.
 */
public final class PrivateCluster implements AutoCloseable {
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String OWNER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Path root;
    private final Path data;
    private final int port;
    private final Thread cleanup = new Thread(this::removeQuietly, "private-cluster-cleanup");
    private boolean running;

    private PrivateCluster(Path root, int port) {
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
    }

    /** Whether this machine can make one: PostgreSQL 15's binaries, and {@code runuser} when running as root. */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb"))
                && (!root() || Files.isExecutable(Path.of("/usr/sbin/runuser")));
    }

    /** A new cluster, made ({@code initdb}) but not started. */
    public static PrivateCluster create() {
        try {
            Path root = Files.createTempDirectory("subsync-cluster");
            PrivateCluster cluster = new PrivateCluster(root, FreePorts.next());
            Runtime.getRuntime().addShutdownHook(cluster.cleanup);
            cluster.init();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void init() throws IOException {
        if (root()) {
            run(List.of("chown", "-R", OWNER + ":" + OWNER, root.toString()), false);
        }
        run(
                List.of(
                        BIN.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        "postgres",
                        "--auth=trust",
                        "--encoding=UTF8",
                        "--locale=C",
                        "--no-sync"),
                true);
        Files.writeString(
                data.resolve("postgresql.conf"),
                String.join(
                        "\n",
                        "",
                        "# PrivateCluster",
                        "listen_addresses = '127.0.0.1'",
                        "port = " + port,
                        "unix_socket_directories = '" + root + "'",
                        "max_connections = 100",
                        "shared_buffers = 32MB",
                        "fsync = off",
                        "synchronous_commit = off",
                        "full_page_writes = off",
                        ""),
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** Starts it, waiting until it accepts connections; after {@link #kill9()} it recovers from the crash first. */
    public synchronized void start() {
        run(
                List.of(
                        BIN.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-l",
                        root.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "60",
                        "start"),
                true);
        running = true;
    }

    /**
     * Stops it the way an operator's restart does ({@code pg_ctl stop -m fast}): open transactions are rolled back,
     * every connection is closed, and it returns once the server is down.
     */
    public synchronized void stop() {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), true);
        running = false;
    }

    /** Kills the postmaster and its processes with SIGKILL, as a crash would; {@link #start()} recovers it. */
    public synchronized void kill9() {
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            running = false;
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(postmaster.get().descendants().toList());
        all.add(0, postmaster.get());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not die", e);
            }
        }
        running = false;
    }

    public synchronized boolean running() {
        return running;
    }

    public int port() {
        return port;
    }

    /** Its {@code postgres} database, as the superuser {@code postgres}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** The server's own log, for a failure's message. */
    public String serverLog() {
        try {
            Path log = root.resolve("server.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Stops it at once and removes its files. */
    @Override
    public void close() {
        removeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void removeQuietly() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                run(
                        List.of(
                                BIN.resolve("pg_ctl").toString(),
                                "-D",
                                data.toString(),
                                "-m",
                                "immediate",
                                "-w",
                                "stop"),
                        true);
            } catch (RuntimeException notRunning) {
                kill9();
            }
        }
        running = false;
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The running postmaster of this cluster: the pid its lock file names, if that process is a postgres. */
    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                            .filter(process -> process.info()
                                    .command()
                                    .filter(command -> command.endsWith("/postgres"))
                                    .isPresent());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Runs a command to its end, as {@code postgres} when {@code asOwner} and this JVM is root; fails on exit ≠ 0. */
    private void run(List<String> command, boolean asOwner) {
        List<String> full = new ArrayList<>();
        if (asOwner && root()) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", OWNER, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish:\n" + out);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", full) + " exited " + process.exitValue() + ":\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}
