package io.subsync.mastersim;

import com.sun.net.httpserver.HttpServer;
import io.subsync.mastersim.domain.Faults;
import io.subsync.mastersim.domain.MasterSubscription;
import io.subsync.mastersim.domain.Stats;
import io.subsync.mastersim.web.Simulation;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Master simulator: {@code POST /} and {@code GET /users/{userId}/subscriptions} as Master answers them,
 * with real state, one application per Idempotency-Key, faults and counters (docs/master-simulator.md).
 *
 * <pre>{@code
 * try (MasterSimulator master = MasterSimulator.start(MasterSimulator.Options.defaults())) {
 *     // MASTER_API_URL = master.baseUrl()
 * }
 * }</pre>
 */
public final class MasterSimulator implements AutoCloseable {
    /** Pending connections the listening socket queues, so a burst of new connections (wrk -c 1000) is not refused. */
    private static final int BACKLOG = 1024;

    static {
        // Answers are small and written in two parts (headers, body): without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs add ~40 ms to a kept-alive connection's requests. The JDK also closes connections beyond 200
        // idle ones, which makes a load generator with many connections reconnect. Both read once, at first use.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "10000");
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Simulation simulation;
    private final CountDownLatch closed = new CountDownLatch(1);

    private MasterSimulator(HttpServer server, ExecutorService workers, Simulation simulation) {
        this.server = server;
        this.workers = workers;
        this.simulation = simulation;
    }

    /**
     * Starts serving on {@code options.host():options.port()} (port 0: any free port).
     *
     * @throws IOException when the address cannot be bound, e.g. the port is in use
     * @throws StateFileUnreadable when {@code options.stateFile()} exists but cannot be read back
     */
    public static MasterSimulator start(Options options) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), BACKLOG);
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), new Workers());
        Simulation simulation = new Simulation(
                options.apiKey(),
                options.faults(),
                options.seed(),
                options.clock(),
                options.verbose() ? System.out : null,
                options.webhookUrl(),
                options.webhookSecret(),
                options.stateFile());
        simulation.register(server);
        server.setExecutor(workers);
        server.start();
        return new MasterSimulator(server, workers, simulation);
    }

    /** The port it listens on (the one chosen when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The URL a client on this machine uses as {@code MASTER_API_URL}, without a trailing slash, e.g.
     * {@code http://127.0.0.1:9090}. A wildcard bind address (0.0.0.0, ::) is given as 127.0.0.1.
     */
    public String baseUrl() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress()
                ? "127.0.0.1"
                : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return "http://" + host + ":" + port();
    }

    /** The faults in force now ({@code outageForSeconds}: the time a timed outage has left). */
    public Faults faults() {
        return simulation.faults().current();
    }

    /** Replaces every fault setting at once; a timed outage starts now. */
    public void faults(Faults faults) {
        simulation.faults().set(faults);
    }

    /** The counters since start or the last {@link #reset()}. */
    public Stats stats() {
        return simulation.stats();
    }

    /** Master's view of the user's subscriptions, ordered by serviceId; empty for an unknown user. */
    public List<MasterSubscription> subscriptionsOf(String userId) {
        return simulation.ledger().subscriptionsOf(userId);
    }

    /** The {@code X-Subsync-Sequence} values of the deliveries applied to (userId, serviceId), in applied order. */
    public List<Long> appliedSequence(String userId, String serviceId) {
        return simulation.ledger().appliedSequence(userId, serviceId);
    }

    /**
     * Where Master's own changes ({@code POST /admin/changes}) are sent as signed events, and the secret they are
     * signed with; a blank url: events are recorded, not sent.
     */
    public void webhooks(String url, String secret) {
        simulation.webhooks().configure(url, secret);
    }

    /** Forgets every subscription, Idempotency-Key and counter (as {@code POST /admin/reset}); faults stay. */
    public void reset() {
        simulation.reset();
    }

    /** Blocks until {@link #close()} is called: keeps a command's process serving. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops listening at once and stops the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        closed.countDown();
    }

    /**
     * How to start a simulator.
     *
     * @param host    address to bind, e.g. 127.0.0.1 (loopback only) or 0.0.0.0
     * @param port    0 for any free port
     * @param apiKey  the key callers must send as {@code Authorization: Bearer <key>}; null: no check
     * @param threads worker threads handling requests
     * @param faults  faults in force from the start
     * @param seed    seed of the error-rate draws, null for an unseeded generator
     * @param verbose log every request to standard output
     * @param clock   the time of {@code updatedAt}, default cancel endDates and outage timers
     * @param webhookUrl    where Master's own changes are POSTed as signed events; null: recorded, not sent
     * @param webhookSecret the HMAC-SHA256 key of {@code X-Master-Signature}
     * @param stateFile     where subscriptions and Idempotency-Key answers are kept between runs (read at start,
     *                      written atomically after each change); null: in memory only, forgotten when it stops
     */
    public record Options(
            String host,
            int port,
            String apiKey,
            int threads,
            Faults faults,
            Long seed,
            boolean verbose,
            Clock clock,
            String webhookUrl,
            String webhookSecret,
            Path stateFile) {
        public Options {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            if (faults == null || clock == null) {
                throw new IllegalArgumentException("faults and clock are required");
            }
        }

        /** Loopback, any free port, no API key, {@link #defaultThreads()} threads, no faults, the system clock. */
        public static Options defaults() {
            return new Options(
                    "127.0.0.1",
                    0,
                    null,
                    defaultThreads(),
                    Faults.NONE,
                    null,
                    false,
                    Clock.systemUTC(),
                    null,
                    null,
                    null);
        }

        /**
         * 2 × processors + 2: handling a request is short CPU work, so about one thread per core saturates the
         * machine and the extra ones cover threads waiting on the network. Injected latency holds a thread for its
         * whole duration, so with latency the ceiling is about threads × 1000 / latencyMs requests per second.
         */
        public static int defaultThreads() {
            return 2 * Runtime.getRuntime().availableProcessors() + 2;
        }

        public Options withHost(String newHost) {
            return new Options(
                    newHost, port, apiKey, threads, faults, seed, verbose, clock, webhookUrl, webhookSecret, stateFile);
        }

        public Options withPort(int newPort) {
            return new Options(
                    host, newPort, apiKey, threads, faults, seed, verbose, clock, webhookUrl, webhookSecret, stateFile);
        }

        public Options withApiKey(String newApiKey) {
            return new Options(
                    host, port, newApiKey, threads, faults, seed, verbose, clock, webhookUrl, webhookSecret, stateFile);
        }

        public Options withThreads(int newThreads) {
            return new Options(
                    host, port, apiKey, newThreads, faults, seed, verbose, clock, webhookUrl, webhookSecret, stateFile);
        }

        public Options withFaults(Faults newFaults) {
            return new Options(
                    host, port, apiKey, threads, newFaults, seed, verbose, clock, webhookUrl, webhookSecret, stateFile);
        }

        public Options withSeed(Long newSeed) {
            return new Options(
                    host, port, apiKey, threads, faults, newSeed, verbose, clock, webhookUrl, webhookSecret, stateFile);
        }

        public Options withVerbose(boolean newVerbose) {
            return new Options(
                    host, port, apiKey, threads, faults, seed, newVerbose, clock, webhookUrl, webhookSecret, stateFile);
        }

        public Options withWebhook(String newUrl, String newSecret) {
            return new Options(host, port, apiKey, threads, faults, seed, verbose, clock, newUrl, newSecret, stateFile);
        }

        public Options withStateFile(Path newStateFile) {
            return new Options(
                    host, port, apiKey, threads, faults, seed, verbose, clock, webhookUrl, webhookSecret, newStateFile);
        }

        public Options withClock(Clock newClock) {
            return new Options(
                    host, port, apiKey, threads, faults, seed, verbose, newClock, webhookUrl, webhookSecret, stateFile);
        }
    }

    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "master-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
