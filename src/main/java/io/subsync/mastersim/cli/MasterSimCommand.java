package io.subsync.mastersim.cli;

import io.subsync.mastersim.MasterSimulator;
import io.subsync.mastersim.StateFileUnreadable;
import io.subsync.mastersim.domain.Faults;
import io.subsync.mastersim.domain.InvalidFault;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subsync master-sim}: the Master simulator as a process of its own, serving until it is stopped. */
@Command(
        name = "master-sim",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a simulated Master system for the demo, the tests and the benchmarks.",
            "It serves the API Subsync delivers to, with real state, so nothing needs the",
            "real Master. Point Subsync at it: MASTER_API_URL=http://<host>:<port> and",
            "the same MASTER_API_KEY.",
            "",
            "Master's API (faults apply here):",
            "  POST /                          apply a change once per Idempotency-Key;",
            "                                  a repeated key gets the stored answer",
            "  GET  /users/{id}/subscriptions  Master's view, with versions",
            "Admin (never faulted):",
            "  GET|PUT /admin/faults           read or change faults while running, e.g.",
            "                                  {\"outage\": true}, {\"errorRate\": 0.2}",
            "  GET  /admin/stats               received, applied, duplicatesRefused,",
            "                                  failedInjected, outOfOrder, rejected",
            "  POST /admin/reset               forget subscriptions, keys and counts",
            "",
            "Its state lives in memory unless --state-file names a file to keep it in.",
            "",
            "With an API key, every endpoint needs Authorization: Bearer <key>.",
            "Runs until stopped (Ctrl-C). See docs/master-simulator.md.",
            ""
        })
public class MasterSimCommand implements Callable<Integer> {
    @Option(
            names = "--port",
            defaultValue = "9090",
            description = "port to listen on; 0 for any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "address to bind; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description =
                    "key callers must send as Authorization: Bearer KEY (default: MASTER_API_KEY; unset: no check)")
    String apiKey;

    @Option(
            names = "--threads",
            description = "worker threads (default: 2 x processors + 2 = ${DEFAULT-VALUE}); with "
                    + "--latency-ms the ceiling is about threads x 1000 / latency requests per second")
    int threads = MasterSimulator.Options.defaultThreads();

    @Option(
            names = "--latency-ms",
            paramLabel = "MS",
            defaultValue = "0",
            description = "delay before every answer, 0 to 60000 (default: ${DEFAULT-VALUE})")
    long latencyMs;

    @Option(
            names = "--error-rate",
            paramLabel = "P",
            defaultValue = "0",
            description =
                    "probability 0.0 to 1.0 that a request is answered 500 and not applied (default: ${DEFAULT-VALUE})")
    double errorRate;

    @Option(
            names = "--outage",
            description =
                    "start in an outage: every request is answered 503 until PUT /admin/faults {\"outage\": false}")
    boolean outage;

    @Option(
            names = "--outage-for-seconds",
            paramLabel = "N",
            defaultValue = "0",
            description = "start in an outage that ends by itself after N seconds")
    long outageForSeconds;

    @Option(
            names = "--retry-after-seconds",
            paramLabel = "N",
            defaultValue = "0",
            description = "answer every POST 429 with Retry-After: N until set back to 0 (default: ${DEFAULT-VALUE})")
    long retryAfterSeconds;

    @Option(names = "--seed", description = "seed of the --error-rate draws, for runs that fail the same requests")
    Long seed;

    @Option(
            names = "--webhook-url",
            paramLabel = "URL",
            description = "where Master's own changes (POST /admin/changes) are POSTed as signed events, e.g. "
                    + "http://127.0.0.1:8080/webhooks/master (default: recorded, not sent)")
    String webhookUrl;

    @Option(
            names = "--webhook-secret",
            paramLabel = "SECRET",
            description = "the HMAC-SHA256 key of X-Master-Signature (default: MASTER_WEBHOOK_SECRET)")
    String webhookSecret;

    @Option(
            names = "--state-file",
            paramLabel = "FILE",
            description = "keep Master's subscriptions and Idempotency-Key answers in FILE (JSON, written after each"
                    + " change), so a restart finds them (default: in memory, forgotten when it stops)")
    Path stateFile;

    @Option(names = "--verbose", description = "log every request (off by default: logging costs throughput)")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        MasterSimulator.Options options;
        try {
            Faults faults = Faults.NONE
                    .withOutage(outage)
                    .withOutageForSeconds(outageForSeconds)
                    .withErrorRate(errorRate)
                    .withLatencyMs(latencyMs)
                    .withRetryAfterSeconds(retryAfterSeconds);
            String key = apiKey != null ? apiKey : System.getenv("MASTER_API_KEY");
            options = new MasterSimulator.Options(
                    host,
                    port,
                    key == null || key.isBlank() ? null : key,
                    threads,
                    faults,
                    seed,
                    verbose,
                    Clock.systemUTC(),
                    webhookUrl,
                    webhookSecret != null ? webhookSecret : System.getenv("MASTER_WEBHOOK_SECRET"),
                    stateFile);
        } catch (InvalidFault e) {
            err.println("--" + flag(e.field()) + ": " + e.problem());
            return 2;
        } catch (IllegalArgumentException e) {
            // Options names the setting first ("port must be …"), as the flag is named.
            err.println("--" + e.getMessage());
            return 2;
        }
        MasterSimulator simulator;
        try {
            simulator = MasterSimulator.start(options);
        } catch (BindException e) {
            err.println("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + " (another process uses the port? try --port 0 for any free one)");
            return 1;
        } catch (IOException e) {
            err.println("cannot start on " + host + ":" + port + ": " + e);
            return 1;
        } catch (StateFileUnreadable e) {
            err.println(e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "master-sim-shutdown"));
        printBanner(simulator, options);
        simulator.awaitClose();
        return 0;
    }

    private void printBanner(MasterSimulator simulator, MasterSimulator.Options options) {
        PrintWriter out = spec.commandLine().getOut();
        String url = simulator.baseUrl();
        out.println("Master simulator listening on " + url + "  (MASTER_API_URL=" + url + ")");
        out.println("  API key:  "
                + (options.apiKey() == null
                        ? "none: every caller is accepted"
                        : "required (Authorization: Bearer <key>)" + (apiKey == null ? ", from MASTER_API_KEY" : "")));
        out.println(
                "  threads:  " + options.threads() + ", request log " + (options.verbose() ? "on" : "off (--verbose)"));
        out.println("  faults:   " + describe(simulator.faults()));
        out.println("  state:    "
                + (options.stateFile() == null
                        ? "in memory, forgotten when it stops (--state-file)"
                        : "kept in " + options.stateFile().toAbsolutePath()));
        out.println("  Master:   POST " + url + "/   GET " + url + "/users/{userId}/subscriptions");
        out.println("  admin:    GET|PUT " + url + "/admin/faults   GET " + url + "/admin/stats   POST " + url
                + "/admin/reset");
        out.println("  webhooks: POST " + url + "/admin/changes   GET " + url + "/admin/webhooks   POST " + url
                + "/admin/webhooks/{id}/resend   -> "
                + (options.webhookUrl() == null ? "not sent (--webhook-url)" : options.webhookUrl()));
        out.flush();
    }

    private static String describe(Faults faults) {
        if (faults.equals(Faults.NONE)) {
            return "none";
        }
        return "outage=" + faults.outage()
                + (faults.outageForSeconds() > 0 ? " (for " + faults.outageForSeconds() + " s)" : "")
                + " errorRate=" + faults.errorRate() + " latencyMs=" + faults.latencyMs()
                + " retryAfterSeconds=" + faults.retryAfterSeconds();
    }

    /** The command-line flag of a fault field: errorRate → error-rate. */
    private static String flag(String field) {
        return field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
