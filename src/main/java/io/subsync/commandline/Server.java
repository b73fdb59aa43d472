package io.subsync.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for the commands, through {@link SpringArguments}: as a web server that keeps running,
 * or as a one-shot tool.
 */
public final class Server {
    private static volatile Class<?> application;
    private static volatile boolean running;
    private static volatile boolean started;

    private Server() {}

    /**
     * Names the Spring application the commands start. The root package registers it, once: naming the application
     * class here would make every command depend on the root package, which depends on every command.
     */
    public static void application(Class<?> type) {
        application = type;
    }

    /** True once a web server was started, so {@code main} leaves the JVM to it instead of exiting. */
    public static boolean running() {
        return running;
    }

    /** True once a command started the application, so its failure to start is the command line's to report. */
    static boolean startedByTheCommandLine() {
        return started;
    }

    /** Starts the web service with extra properties (e.g. the demo's) and the user's {@code --spring.*} arguments. */
    static ConfigurableApplicationContext web(Map<String, Object> properties, List<String> args) {
        ConfigurableApplicationContext context = run(builder().web(WebApplicationType.SERVLET), properties, args);
        OrderlyStop.onSignals(context);
        running = true;
        return context;
    }

    /**
     * Starts the application without a web server, for commands that run and exit. With {@code MASTER_API_URL} unset
     * and a demo running on the data directory, its Master is the one used ({@link RunningDemo}).
     */
    static ConfigurableApplicationContext tool(Map<String, Object> properties, List<String> args) {
        return run(
                builder()
                        .web(WebApplicationType.NONE)
                        .properties(
                                "spring.main.banner-mode=off",
                                "logging.level.root=WARN",
                                "logging.level.io.subsync=WARN",
                                "logging.level.org.flywaydb=WARN")
                        .properties(demoMaster()),
                properties,
                args);
    }

    /** The running demo's Master settings, as fallbacks; none when MASTER_API_URL is set (even to nothing). */
    private static Map<String, Object> demoMaster() {
        if (System.getenv("MASTER_API_URL") != null || System.getProperty("MASTER_API_URL") != null) {
            return Map.of();
        }
        return RunningDemo.find(RunningDemo.dataDirectory())
                .map(RunningDemo::masterSettings)
                .orElse(Map.of());
    }

    /**
     * Runs the application; a failure to start propagates to {@link CommandFailures}, which reports it in one line
     * ({@link QuietFailedStarts} keeps Spring Boot from reporting it too).
     */
    private static ConfigurableApplicationContext run(
            SpringApplicationBuilder builder, Map<String, Object> properties, List<String> args) {
        started = true;
        return builder.properties(
                        // The context's own warning on a failed refresh repeats the failure CommandFailures reports.
                        "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR",
                        "logging.level.org.springframework.boot.web.server.servlet.context."
                                + "AnnotationConfigServletWebServerApplicationContext=ERROR")
                .run(args(properties, args));
    }

    private static SpringApplicationBuilder builder() {
        Class<?> type = application;
        if (type == null) {
            throw new IllegalStateException(
                    "no Spring application registered: the commands start through io.subsync.Subsync");
        }
        return new SpringApplicationBuilder(type);
    }

    /** The command's own settings as {@code --key=value} arguments, so they win over configuration files. */
    private static String[] args(Map<String, Object> properties, List<String> args) {
        List<String> all = new ArrayList<>();
        properties.forEach((key, value) -> all.add("--" + key + "=" + value));
        all.addAll(args == null ? List.of() : args);
        return all.toArray(String[]::new);
    }
}
