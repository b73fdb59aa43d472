package io.subsync.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommonPoolTest {
    @Test
    void theCommonPoolHasTwoThreadsAtLeastAndOtherwiseTheJdksOwnCount() {
        assertThat(CommonPool.parallelism(1)).isEqualTo(2);
        assertThat(CommonPool.parallelism(2)).isEqualTo(2);
        assertThat(CommonPool.parallelism(3)).isEqualTo(2);
        assertThat(CommonPool.parallelism(8)).isEqualTo(7);
    }

    /** In a JVM of its own that sees two cores: the test's JVM may have used the common pool already. */
    @Test
    void onTwoCoresAsynchronousStepsRunInThePoolInsteadOfANewThreadEach() throws Exception {
        assertThat(probe(true)).startsWith("ForkJoinPool.commonPool-worker-");
        // Without it, the JDK starts a thread per step: what the sizing is there to prevent.
        assertThat(probe(false)).startsWith("Thread-");
    }

    @Test
    void aParallelismGivenOnTheCommandLineIsKept() throws Exception {
        assertThat(probe(true, "-D" + CommonPool.PARALLELISM + "=5")).endsWith(" parallelism 5");
    }

    private static String probe(boolean sized, String... flags) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>(List.of(javaBin, "-XX:ActiveProcessorCount=2"));
        command.addAll(List.of(flags));
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), Boolean.toString(sized)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Prints the thread an asynchronous step ran on, and the common pool's parallelism. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            if (Boolean.parseBoolean(args[0])) {
                CommonPool.atLeastTwoThreads();
            }
            String thread = CompletableFuture.supplyAsync(
                            () -> Thread.currentThread().getName())
                    .get(10, TimeUnit.SECONDS);
            System.out.println(thread + " parallelism " + ForkJoinPool.getCommonPoolParallelism());
        }
    }
}
