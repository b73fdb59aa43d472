package io.subsync.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as a user would ({@code java -jar target/subsync.jar …}). */
public final class Jar {
    private Jar() {}

    public record Run(int exitCode, String out) {}

    /** Settings of the machine's environment a command does not inherit: it gets only those a test gives it. */
    public static final java.util.Set<String> SETTINGS_A_USER_MAY_HAVE = java.util.Set.of(
            "SUBSYNC_JWT_SECRET",
            "SUBSYNC_DB_URL",
            "SUBSYNC_DB_USER",
            "SUBSYNC_DB_PASSWORD",
            "MASTER_API_URL",
            "MASTER_API_KEY",
            "MASTER_WEBHOOK_SECRET");

    public static Path path() {
        String jar = System.getenv("SUBSYNC_JAR");
        Path path = Path.of(jar == null ? "target/subsync.jar" : jar);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: the end-to-end tests run after `package`");
        }
        return path;
    }

    public static ProcessBuilder command(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", path().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(SETTINGS_A_USER_MAY_HAVE::contains);
        builder.environment().putAll(env);
        return builder;
    }

    /** Runs a command to its end (at most two minutes) and returns its exit code and output. */
    public static Run run(Map<String, String> env, String... args) {
        Apart run = runApart(env, args);
        return new Run(run.exitCode(), run.out() + run.err());
    }

    /** What a command printed on stdout and on stderr, apart. */
    public record Apart(int exitCode, String out, String err) {}

    /** Runs a command to its end (at most two minutes) and returns its exit code, stdout and stderr. */
    public static Apart runApart(Map<String, String> env, String... args) {
        try {
            Path out = Files.createTempFile("subsync-out-", ".txt");
            try {
                Process process = command(env, args)
                        .redirectErrorStream(false)
                        .redirectOutput(out.toFile())
                        .start();
                byte[] err = process.getErrorStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("subsync " + String.join(" ", args) + " did not finish");
                }
                return new Apart(process.exitValue(), Files.readString(out), new String(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
