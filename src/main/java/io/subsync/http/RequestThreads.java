package io.subsync.http;

import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How many requests Tomcat serves at once: {@code SUBSYNC_HTTP_THREADS}, or, unset (0), eight per core the JVM sees and
 * never fewer than 16. More threads than that only queue for the database's connections and the cores: on two cores,
 * 64 threads read 23 % slower than 16, at 33 % more CPU per request (bench/README.md, P1). Sixteen still leave room for
 * requests that wait for Master ({@code SUBSYNC_SYNC_IN_REQUEST_WAIT}). An explicit {@code server.tomcat.threads.max}
 * wins over both. Runs after Spring Boot's own Tomcat customizer, so it has the last word.
 */
@Component
@ConditionalOnWebApplication
class RequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
    static final int PER_CORE = 8;
    static final int LEAST = 16;
    private final int threads;
    private final boolean tomcatSetting;

    RequestThreads(@Value("${subsync.requests.threads:0}") int threads, Environment environment) {
        if (threads < 0) {
            throw new IllegalArgumentException("SUBSYNC_HTTP_THREADS must be 0 (derived from the cores) or more");
        }
        this.threads = threads > 0 ? threads : derived(Runtime.getRuntime().availableProcessors());
        this.tomcatSetting = environment.containsProperty("server.tomcat.threads.max");
    }

    /** Eight per core, at least 16. */
    static int derived(int cores) {
        return Math.max(LEAST, PER_CORE * cores);
    }

    int threads() {
        return threads;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (tomcatSetting) {
            return;
        }
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxThreads(threads);
                protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), threads));
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
