package io.subsync.mastersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code subsync master-sim} explains itself and refuses bad flags clearly (the serving path is covered over HTTP). */
class MasterSimCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new MasterSimCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void helpNamesEveryFlagAndTheAdminEndpoints() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString())
                .contains(
                        "Usage: master-sim",
                        "--port",
                        "--host",
                        "--api-key",
                        "--threads",
                        "--latency-ms",
                        "--error-rate",
                        "--outage",
                        "--outage-for-seconds",
                        "--retry-after-seconds",
                        "--seed",
                        "--verbose",
                        "--state-file",
                        "GET|PUT /admin/faults",
                        "/admin/stats",
                        "/admin/reset",
                        "MASTER_API_KEY");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--error-rate=1.5         | --error-rate: must be between 0.0 and 1.0",
                "--latency-ms=-5          | --latency-ms: must be between 0 and 60000",
                "--retry-after-seconds=-1 | --retry-after-seconds: must be between 0 and 86400",
                "--outage-for-seconds=-1  | --outage-for-seconds: must be between 0 and 86400",
                "--threads=0              | --threads must be at least 1",
                "--port=70000             | --port must be between 0 and 65535",
                "--port=abc               | Invalid value for option '--port'",
                "--latency=5              | Unknown option: '--latency=5'"
            })
    void refusesBadFlagsWithExitCode2(String flag, String message) {
        assertThat(run(flag)).isEqualTo(2);

        assertThat(err.toString()).contains(message);
    }

    @Test
    void saysSoWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run("--port", Integer.toString(taken.getLocalPort()))).isEqualTo(1);

            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aCorruptStateFileIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"format\": 1, \"subscriptions\": ");

        assertThat(run("--port", "0", "--state-file", file.toString())).isEqualTo(2);

        assertThat(err.toString())
                .startsWith("cannot read the Master simulator's state file " + file.toAbsolutePath() + ": not JSON")
                .contains("move it away")
                .doesNotContain("Exception", "\tat ");
        assertThat(err.toString().strip()).doesNotContain("\n");
    }
}
