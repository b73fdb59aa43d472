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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./subsync demo} as a new user runs it: every line it prints is pasted into bash as printed, and does what
 * the banner says.
 */
class DemoEndToEndTests {
    private static final Pattern SIGN_IN = Pattern.compile("sign in \\([^)]*\\): (http://\\S+)");

    @Test
    void everyPrintedStepWorksWhenPasted(@TempDir Path data) throws Exception {
        int[] ports = FreePorts.distinct(2);
        int port = ports[0];
        int masterPort = ports[1];
        Map<String, String> env = Map.of("SUBSYNC_DATA_DIR", data.toString());
        Process demo = Jar.command(
                        env, "demo", "--port", String.valueOf(port), "--master-port", String.valueOf(masterPort))
                .start();
        try {
            List<String> banner = bannerOf(demo);
            String printed = String.join("\n", banner);

            assertThat(printed).doesNotContain("…").contains("not linked:");
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
                    .contains("\"linked\":true", "\"newlyLinked\":true");
            assertThat(bash(step(banner, "2. Master cancels", "then see it"), env))
                    .contains("subscription.cancelled");
            String reconcile = step(banner, "3. Compare everything", "More tokens")
                    .replace("./subsync", Path.of("subsync").toAbsolutePath().toString());
            assertThat(bash(reconcile + "echo \"exit $?\"", env)).contains("0 differ", "exit 0");
        } finally {
            demo.destroy();
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
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
                            || trimmed.startsWith("MASTER_API_URL="))) {
                script.append(trimmed).append('\n');
            }
        }
        assertThat(script).as("the step '" + from + "'").isNotEmpty();
        return script.toString();
    }

    private static String bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
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
