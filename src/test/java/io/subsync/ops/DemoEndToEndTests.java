package io.subsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.FreePorts;
import io.subsync.support.Jar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./subsync demo} as a new user runs it: every line it prints is pasted into bash as printed, and does what
 * the banner says, also after the demo was stopped and started again on the same data; and the commands a second
 * terminal runs (no settings but the data directory, {@link Jar#command}) find the demo's Master and database.
 */
class DemoEndToEndTests {
    private static final Pattern SIGN_IN = Pattern.compile("sign in \\([^)]*\\): (http://\\S+)");

    @Test
    void everyPrintedStepWorksWhenPastedAndAgainAfterARestart(@TempDir Path data) throws Exception {
        int[] ports = FreePorts.distinct(2);
        Map<String, String> env = Map.of("SUBSYNC_DATA_DIR", data.toString());

        run(env, ports, demo -> {
            List<String> banner = bannerOf(demo);
            assertThat(String.join("\n", banner)).contains("Corner Pawn", "not linked:");
            walk(banner, env, true);
        });
        assertThat(data.resolve("demo.properties"))
                .as("removed when the demo stops")
                .doesNotExist();
        assertThat(data.resolve("master-sim/state.json")).exists();

        run(env, ports, demo -> {
            List<String> banner = bannerOf(demo);
            String printed = String.join("\n", banner);
            assertThat(printed)
                    .as("the link made in the first run, as it is")
                    .doesNotContain("not linked")
                    .contains("owner 5f0c6a4e-2b2f-4d66-8d2f-00000000b003, linked to Master account ")
                    .contains("linked already");
            assertThat(banner.stream().filter(line -> line.contains(", linked to Master account ")))
                    .hasSize(3);
            walk(banner, env, false);
        });
    }

    @Test
    void commandsFromASecondTerminalFindTheDemosMasterAndDatabase(@TempDir Path data) throws Exception {
        int[] ports = FreePorts.distinct(2);
        Map<String, String> env = Map.of("SUBSYNC_DATA_DIR", data.toString());
        run(env, ports, demo -> {
            bannerOf(demo);
            assertThat(data.resolve("demo.properties"))
                    .content()
                    .contains("master-api-url=http://127.0.0.1:" + ports[1]);

            Jar.Apart monitor = Jar.runApart(env, "monitor", "--json");
            assertThat(monitor.exitCode()).as(monitor.err()).isZero();
            JsonNode figures = JsonMapper.builder().build().readTree(monitor.out());
            assertThat(figures.get("masterConfigured").booleanValue()).isTrue();
            assertThat(figures.get("totalAccounts").intValue())
                    .as("the demo's database: its two linked owners")
                    .isEqualTo(2);

            Jar.Apart reconcile = Jar.runApart(env, "reconcile", "--master", "--dry-run");
            assertThat(reconcile.out()).contains("2 linked account(s)", "0 differ");
            assertThat(reconcile.exitCode()).as(reconcile.err()).isZero();
        });

        Jar.Apart afterwards = Jar.runApart(env, "reconcile", "--master", "--dry-run");
        assertThat(afterwards.exitCode())
                .as("with the demo stopped, its Master is not used: " + afterwards.out() + afterwards.err())
                .isEqualTo(1);
        assertThat(afterwards.out() + afterwards.err()).contains("Master is not configured");
    }

    @Test
    void aDemoKilledWithoutStoppingLeavesAFileTheCommandsIgnore(@TempDir Path data) throws Exception {
        int[] ports = FreePorts.distinct(2);
        Map<String, String> env = Map.of("SUBSYNC_DATA_DIR", data.toString());
        Process demo = demoProcess(env, ports);
        try {
            bannerOf(demo);
        } finally {
            demo.destroyForcibly();
            demo.waitFor(30, TimeUnit.SECONDS);
            // Its PostgreSQL outlives it; stopped here, as a user would find it after a reboot.
            stopOrphanedDatabase(data);
        }
        assertThat(data.resolve("demo.properties")).exists();

        Jar.Apart monitor = Jar.runApart(env, "monitor", "--json");
        assertThat(monitor.exitCode()).as(monitor.err()).isZero();
        assertThat(monitor.out()).contains("\"masterConfigured\":false");
    }

    /** A killed demo leaves its PostgreSQL running (a process of its own): stopped by the pid in its postmaster.pid. */
    private static void stopOrphanedDatabase(Path data) throws Exception {
        Path pidFile = data.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> postgres = ProcessHandle.of(pid);
        if (postgres.isPresent()) {
            postgres.get().destroy();
            postgres.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Walks the printed steps: sign-in links, the tenants' curl lines, the magic link, Master's cancel, the
     * reconciliation from another terminal. {@code firstRun}: the magic link links the owner; later, it was linked.
     */
    private static void walk(List<String> banner, Map<String, String> env, boolean firstRun) throws Exception {
        assertThat(String.join("\n", banner)).doesNotContain("…");
        List<String> signIns = new ArrayList<>();
        for (String line : banner) {
            Matcher link = SIGN_IN.matcher(line);
            if (link.find()) {
                signIns.add(link.group(1));
            }
        }
        assertThat(signIns)
                .as("a sign-in link for the operator, and for each tenant's user and its admin")
                .hasSize(7);
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager())
                .build();
        for (String signIn : signIns) {
            HttpResponse<String> page = browser.send(
                    HttpRequest.newBuilder(URI.create(signIn))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(signIn).isEqualTo(200);
            assertThat(page.body()).as(signIn).contains("<html");
        }

        for (String curl : banner.stream()
                .filter(line -> line.startsWith("  curl -H 'Authorization: Bearer "))
                .toList()) {
            assertThat(bash(curl.trim(), env)).contains("\"subscriptions\":[");
        }
        assertThat(bash(step(banner, "1. A magic link", "2. Master cancels"), env))
                .contains("\"linked\":true", "\"newlyLinked\":" + firstRun);
        assertThat(bash(step(banner, "2. Master cancels", "then see it"), env)).contains("subscription.cancelled");
        List<String> afterCancel = new ArrayList<>();
        for (String curl : banner.stream()
                .filter(line -> line.startsWith("  curl -H 'Authorization: Bearer "))
                .toList()) {
            afterCancel.add(bash(curl.trim(), env));
        }
        assertThat(afterCancel)
                .as("the tenant whose platform plan Master cancelled no longer lists it; the others do")
                .filteredOn(listed -> !listed.contains("\"productType\":\"platform\""))
                .hasSize(1);
        String reconcile = step(banner, "3. Compare everything", "More tokens")
                .replace("./subsync", Path.of("subsync").toAbsolutePath().toString());
        assertThat(reconcile).as("needs no Master settings").doesNotContain("MASTER_");
        assertThat(bash(reconcile + "echo \"exit $?\"", env)).contains("3 linked account(s)", " 0 differ", "exit 0");
    }

    private interface WhileRunning {
        void run(Process demo) throws Exception;
    }

    /** Runs the demo on the given data directory and ports, calls {@code body}, then stops it as Ctrl+C does. */
    private static void run(Map<String, String> env, int[] ports, WhileRunning body) throws Exception {
        Process demo = demoProcess(env, ports);
        try {
            body.run(demo);
        } finally {
            demo.destroy();
            if (!demo.waitFor(60, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
                demo.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process demoProcess(Map<String, String> env, int[] ports) throws IOException {
        return Jar.command(env, "demo", "--port", String.valueOf(ports[0]), "--master-port", String.valueOf(ports[1]))
                .start();
    }

    /** The printed lines from the one starting with {@code from} to the one before {@code to}, as one bash script. */
    private static String step(List<String> banner, String from, String to) {
        StringBuilder script = new StringBuilder();
        boolean in = false;
        for (String line : banner) {
            if (line.contains(from)) {
                in = true;
                continue;
            }
            if (in && line.contains(to)) {
                break;
            }
            String trimmed = line.trim();
            if (in
                    && (trimmed.startsWith("curl ")
                            || trimmed.startsWith("LINK=")
                            || trimmed.startsWith("-d ")
                            || trimmed.startsWith("SUBSYNC_DATA_DIR=")
                            || trimmed.startsWith("./subsync "))) {
                script.append(trimmed).append('\n');
            }
        }
        assertThat(script).as("the step '" + from + "'").isNotEmpty();
        return script.toString();
    }

    private static String bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        // A second terminal with no settings but the data directory.
        builder.environment().keySet().removeIf(Jar.SETTINGS_A_USER_MAY_HAVE::contains);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(script).isTrue();
        return out;
    }

    /** The demo's banner: its lines from "Subsync demo is running." to "Stop with Ctrl+C". */
    private static List<String> bannerOf(Process demo) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        List<String> banner = new ArrayList<>();
        List<String> all = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            all.add(line);
            if (line.startsWith("Subsync demo is running.") || !banner.isEmpty()) {
                banner.add(line);
            }
            if (line.startsWith("Stop with Ctrl+C")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.lines().forEach(ignored -> {});
                    } catch (UncheckedIOException closed) {
                        // the demo has stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return banner;
            }
        }
        throw new AssertionError("the demo printed no banner:\n" + String.join("\n", all));
    }
}
