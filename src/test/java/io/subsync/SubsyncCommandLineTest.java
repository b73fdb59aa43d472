package io.subsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Every command refuses an argument it does not know before it starts anything: one line on stderr, the usage, exit 2.
 * Only {@code --spring.*} arguments pass, to Spring. (That a refused {@code retry} queues nothing is checked against the
 * database in CommandLineEndToEndTests.)
 */
class SubsyncCommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine() {
        CommandLine commandLine = Subsync.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "serve --no-such-flag                  | Unknown option: '--no-such-flag'",
                "serve --port 8080 --server.port=9     | Unknown option: '--server.port=9'",
                "demo --no-such-flag                   | Unknown option: '--no-such-flag'",
                "init catalogue.yml --no-such-flag     | Unknown option: '--no-such-flag'",
                "init catalogue.yml other.yml          | Unmatched argument at index 2: 'other.yml'",
                "token --no-such-flag                  | Unknown option: '--no-such-flag'",
                "reconcile --no-such-flag              | Unknown option: '--no-such-flag'",
                "reconcile --master now                | Unmatched argument at index 2: 'now'",
                "retry --no-such-flag                  | Unknown option: '--no-such-flag'",
                "retry --sync-idd X                    | Unknown options: '--sync-idd', 'X' (did you mean --sync-id?)",
                "retry all                             | Unmatched argument at index 1: 'all'",
                "monitor --no-such-flag                | Unknown option: '--no-such-flag'",
                "monitor --wacth                       | Unknown option: '--wacth' (did you mean --watch?)",
                "master-sim --no-such-flag             | Unknown option: '--no-such-flag'",
                "retry --sync-id x                     | --sync-id: not a UUID: 'x'",
                "retry --user 1-2-3-4-5                | --user: not a UUID: '1-2-3-4-5'",
                "reconcile --master --user bob         | --user: not a UUID: 'bob'",
                "reconcile --master --resolve bob      | --resolve: not a UUID: 'bob'",
                "token --tenant acme                   | --tenant: not a UUID: 'acme'",
                "master-sim --port abc                 | --port: 'abc' is not an int",
                "monitor --interval 0                  | --interval: must be positive, was '0'",
                "monitor --watch --interval -5s        | --interval: must be positive, was '-5s'",
                "monitor --interval soon               | --interval: not a duration such as 5s or PT5S: 'soon'",
                "token --ttl -PT1H                     | --ttl: must be positive, was '-PT1H'",
                "token --ttl PT0S                      | --ttl: must be positive, was 'PT0S'",
                "token --ttl 1x                        | --ttl: not a duration such as 5s or PT5S: '1x'"
            })
    void refusesWhatItDoesNotKnowWithOneLineAndTheUsage(String arguments, String error) {
        String[] args = arguments.split(" ");

        assertThat(commandLine().execute(args)).isEqualTo(2);

        List<String> lines = err.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(error);
        assertThat(lines.get(1)).startsWith("Usage: subsync " + args[0]);
        assertThat(out.toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "demo", "reconcile", "retry", "monitor"})
    void passesSpringArgumentsOn(String command) {
        assertThatCode(() ->
                        commandLine().parseArgs(command, "--spring.main.banner-mode=off", "--spring.profiles.active=x"))
                .doesNotThrowAnyException();
    }
}
