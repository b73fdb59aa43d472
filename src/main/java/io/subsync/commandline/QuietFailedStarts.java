package io.subsync.commandline;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Keeps Spring Boot from reporting a failed start of the application the command line started (registered in
 * {@code META-INF/spring.factories}, before Spring Boot's failure analyzers): {@link CommandFailures} reports it, in one
 * line, instead of Spring Boot's "Application run failed" and its stack trace. Other starts (tests) are left alone.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class QuietFailedStarts implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        return Server.startedByTheCommandLine();
    }
}
