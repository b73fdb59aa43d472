package io.subsync.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo.properties}: found while its demo runs, ignored once the demo is gone, removed only by its own demo. */
class RunningDemoTest {
    @TempDir
    Path data;

    private static RunningDemo demo() {
        return RunningDemo.thisProcess(
                "http://localhost:8080",
                "http://127.0.0.1:8081",
                "demo-master-key",
                "demo-secret",
                "jdbc:postgresql://localhost:5432/postgres");
    }

    /** The demo of this process, as if written by process {@code pid} started at {@code started}. */
    private static RunningDemo demoOf(long pid, java.time.Instant started) {
        RunningDemo demo = demo();
        return new RunningDemo(
                pid,
                started,
                demo.serviceUrl(),
                demo.masterApiUrl(),
                demo.masterApiKey(),
                demo.webhookSecret(),
                demo.databaseUrl());
    }

    @Test
    void aRunningDemoIsFoundWithItsMaster() {
        demo().write(data);

        assertThat(RunningDemo.find(data)).contains(demo());
        assertThat(RunningDemo.find(data).orElseThrow().masterSettings())
                .isEqualTo(Map.of(
                        "MASTER_API_URL", "http://127.0.0.1:8081",
                        "MASTER_API_KEY", "demo-master-key",
                        "MASTER_WEBHOOK_SECRET", "demo-secret"));
    }

    @Test
    void theFileIsForItsOwnerOnlyAsItHoldsTheMasterKey() throws Exception {
        demo().write(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(RunningDemo.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void aFileLeftByADemoWhoseProcessIsGoneIsIgnored() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        demoOf(ended.pid(), demo().started()).write(data);

        assertThat(RunningDemo.find(data)).isEmpty();
    }

    @Test
    void aLaterProcessWithTheSamePidIsNotTheDemo() {
        RunningDemo demo = demo();
        demoOf(demo.pid(), demo.started().minusSeconds(3600)).write(data);

        assertThat(RunningDemo.find(data)).isEmpty();
    }

    @Test
    void aDemoWithAMasterOfTheUsersOwnLendsNoMasterSettings() {
        new RunningDemo(ProcessHandle.current().pid(), null, "http://localhost:8080", null, null, null, null)
                .write(data);

        assertThat(RunningDemo.find(data).orElseThrow().masterSettings()).isEmpty();
    }

    @Test
    void anUnreadableFileIsIgnored() throws Exception {
        Files.writeString(data.resolve(RunningDemo.FILE), "pid=not-a-number\n");

        assertThat(RunningDemo.find(data)).isEmpty();
    }

    @Test
    void aDemoRemovesItsOwnFileButNotAnotherDemosFile() throws Exception {
        RunningDemo demo = demo();
        demo.write(data);
        new RunningDemo(demo.pid() + 1, null, "x", null, null, null, null).remove(data);
        assertThat(data.resolve(RunningDemo.FILE)).exists();

        demo.remove(data);

        assertThat(data.resolve(RunningDemo.FILE)).doesNotExist();
    }
}
