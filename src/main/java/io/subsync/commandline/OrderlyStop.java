package io.subsync.commandline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * Stops the web service in Spring's order on Ctrl+C (SIGINT) and SIGTERM: first what runs (delivery workers, the
 * database health check, the drift checks: SmartLifecycle beans, then the web server), then the beans, the pool last,
 * whose {@code close()} stops the embedded PostgreSQL.
 *
 * <p>Left to the JVM, a signal runs every shutdown hook at once, and the embedded PostgreSQL registers one of its own:
 * it stopped the database ({@code pg_ctl stop -m fast}) while Spring's hook was still stopping the workers, which then
 * logged "terminating connection due to administrator command" by the dozen. Here the context is closed first, and only
 * then does the JVM exit (the embedded database's hook then finds it closed already).
 */
final class OrderlyStop {
    private static final Logger log = LoggerFactory.getLogger(OrderlyStop.class);

    private OrderlyStop() {}

    /** On SIGINT and SIGTERM: closes {@code context}, then exits as the JVM would (128 + the signal's number). */
    static void onSignals(ConfigurableApplicationContext context) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    try {
                        context.close();
                    } finally {
                        System.exit(128 + signal.getNumber());
                    }
                });
            } catch (IllegalArgumentException unsupported) {
                // Not a signal on this platform (or the JVM keeps it): its shutdown hooks stop the service as before.
                log.debug("cannot handle SIG{}: {}", name, unsupported.getMessage());
            }
        }
    }
}
