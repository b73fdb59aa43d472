package io.subsync.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A command with the mixin passes {@code --spring.*} arguments to Spring and refuses every other one it does not know. */
class SpringArgumentsTest {
    private final StringWriter err = new StringWriter();
    private final Sample sample = new Sample();

    @Command(name = "sample")
    static final class Sample implements Callable<Integer> {
        @CommandLine.Option(names = "--id")
        String id;

        @CommandLine.Mixin
        SpringArguments spring;

        boolean ran;

        @Override
        public Integer call() {
            ran = true;
            return 0;
        }
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(sample).setParameterExceptionHandler(new BadArguments());
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void passesSpringArgumentsInTheirOrderAndParsesTheRest() {
        assertThat(run("--spring.main.banner-mode=off", "--id", "x", "--spring.profiles.active=a,b"))
                .isZero();

        assertThat(sample.ran).isTrue();
        assertThat(sample.id).isEqualTo("x");
        assertThat(sample.spring.arguments())
                .containsExactly("--spring.main.banner-mode=off", "--spring.profiles.active=a,b");
    }

    @Test
    void passesNothingWhenGivenNoSpringArgument() {
        assertThat(run("--id", "x")).isZero();

        assertThat(sample.spring.arguments()).isEmpty();
    }

    @Test
    void refusesAnyOtherPropertyArgumentInsteadOfHandingItToSpring() {
        assertThat(run("--server.port=0")).isEqualTo(2);

        assertThat(sample.ran).isFalse();
        assertThat(err.toString())
                .startsWith("Unknown option: '--server.port=0'" + System.lineSeparator() + "Usage: sample");
    }

    @Test
    void refusesAStrayArgument() {
        assertThat(run("--id", "x", "y")).isEqualTo(2);

        assertThat(sample.ran).isFalse();
        assertThat(err.toString())
                .startsWith("Unmatched argument at index 2: 'y'" + System.lineSeparator() + "Usage: sample");
    }

    @Test
    void takesNoSpringArgumentAfterTheEndOfOptions() {
        assertThat(run("--", "--spring.main.banner-mode=off")).isEqualTo(2);

        assertThat(sample.ran).isFalse();
        assertThat(err.toString()).contains("'--spring.main.banner-mode=off'");
    }
}
