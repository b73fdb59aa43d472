package io.subsync.mastersim;

import static io.subsync.mastersim.MasterHttp.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.support.MutableClock;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code --state-file}: a restarted simulator is the Master it was, and its file is never seen half written. */
class MasterSimulatorStateFileTest {
    private static final String API_KEY = "test-master-key";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

    private MasterSimulator start(Path stateFile) throws Exception {
        return MasterSimulator.start(MasterSimulator.Options.defaults()
                .withApiKey(API_KEY)
                .withClock(clock)
                .withStateFile(stateFile));
    }

    @Test
    void aRestartedSimulatorKeepsSubscriptionsVersionsSequencesAndIdempotencyKeys() throws Exception {
        Path file = dir.resolve("master-sim/state.json");
        String firstAnswer;
        try (MasterSimulator master = start(file)) {
            MasterHttp http = new MasterHttp(master.baseUrl(), API_KEY);
            firstAnswer = http.deliver(
                            "sync-1", delivery("create", "user-1", "pawnshop", "pro"), "X-Subsync-Sequence", "1")
                    .body();
            http.deliver("sync-2", delivery("update", "user-1", "pawnshop", "enterprise"), "X-Subsync-Sequence", "2");
            http.deliver("sync-3", delivery("create", "user-2", "bnpl", "starter"));
            assertThat(change(http, "{\"userId\":\"user-2\",\"serviceId\":\"bnpl\",\"type\":\"cancel\"}"))
                    .isEqualTo(200);
        }

        try (MasterSimulator master = start(file)) {
            assertThat(master.subscriptionsOf("user-1")).singleElement().satisfies(s -> {
                assertThat(s.planTier()).isEqualTo("enterprise");
                assertThat(s.version()).isEqualTo(2);
                assertThat(s.metadata()).containsEntry("source", "test");
                assertThat(s.updatedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
            });
            assertThat(master.subscriptionsOf("user-2")).singleElement().satisfies(s -> {
                assertThat(s.status()).isEqualTo("cancelled");
                assertThat(s.version()).isEqualTo(2);
            });
            assertThat(master.appliedSequence("user-1", "pawnshop")).containsExactly(1L, 2L);

            MasterHttp http = new MasterHttp(master.baseUrl(), API_KEY);
            MasterHttp.Response again = http.deliver("sync-1", delivery("create", "user-1", "pawnshop", "pro"));
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.body()).isEqualTo(firstAnswer);
            assertThat(master.subscriptionsOf("user-1").get(0).version())
                    .as("a key answered before the restart is not applied again")
                    .isEqualTo(2);
        }
    }

    @Test
    void aChangeIsInTheFileBeforeItIsAnswered() throws Exception {
        Path file = dir.resolve("state.json");
        try (MasterSimulator master = start(file)) {
            new MasterHttp(master.baseUrl(), API_KEY)
                    .deliver("sync-1", delivery("create", "user-1", "pawnshop", "pro"));

            assertThat(MasterHttp.JSON
                            .readTree(file.toFile())
                            .get("subscriptions")
                            .get(0)
                            .get("userId")
                            .stringValue())
                    .isEqualTo("user-1");
        }
    }

    @Test
    void theFileIsReplacedWholeSoAReaderNeverSeesHalfOfIt() throws Exception {
        Path file = dir.resolve("state.json");
        try (MasterSimulator master = start(file)) {
            MasterHttp http = new MasterHttp(master.baseUrl(), API_KEY);
            http.deliver("sync-0", delivery("create", "user-0", "pawnshop", "pro"));
            AtomicBoolean writing = new AtomicBoolean(true);
            List<String> unreadable = new ArrayList<>();
            Thread reader = new Thread(() -> {
                while (writing.get()) {
                    try {
                        JsonNode state = MasterHttp.JSON.readTree(Files.readAllBytes(file));
                        if (state == null || !state.has("subscriptions")) {
                            unreadable.add(String.valueOf(state));
                        }
                    } catch (JacksonException | java.io.IOException e) {
                        unreadable.add(e.toString());
                    }
                }
            });
            reader.start();
            for (int i = 1; i <= 150; i++) {
                http.deliver("sync-" + i, delivery("create", "user-" + i, "pawnshop", "pro"));
            }
            writing.set(false);
            reader.join();

            assertThat(unreadable).isEmpty();
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
            }
        }
    }

    @Test
    void aLeftoverTemporaryFileOfAnInterruptedWriteIsIgnored() throws Exception {
        Path file = dir.resolve("state.json");
        try (MasterSimulator master = start(file)) {
            new MasterHttp(master.baseUrl(), API_KEY)
                    .deliver("sync-1", delivery("create", "user-1", "pawnshop", "pro"));
        }
        Files.writeString(dir.resolve("state.json.tmp"), "{\"format\": 1, \"subscriptions\": [{\"userId\"");

        try (MasterSimulator master = start(file)) {
            assertThat(master.subscriptionsOf("user-1")).hasSize(1);
        }
    }

    @Test
    void aResetEmptiesTheFileToo() throws Exception {
        Path file = dir.resolve("state.json");
        try (MasterSimulator master = start(file)) {
            new MasterHttp(master.baseUrl(), API_KEY)
                    .deliver("sync-1", delivery("create", "user-1", "pawnshop", "pro"));
            master.reset();
        }

        try (MasterSimulator master = start(file)) {
            assertThat(master.subscriptionsOf("user-1")).isEmpty();
        }
    }

    @Test
    void aCorruptFileStopsTheStartWithAMessageNamingTheFileAndTheProblem() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(
                file,
                "{\"format\": 1, \"subscriptions\": [{\"userId\": \"u\", \"version\": \"two\"}], \"replays\": []}");

        assertThatThrownBy(() -> start(file))
                .isInstanceOf(StateFileUnreadable.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("subscriptions[0].version must be a whole number");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedToo() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "not json at all");

        assertThatThrownBy(() -> start(file))
                .isInstanceOf(StateFileUnreadable.class)
                .hasMessageContaining("not JSON");
    }

    private static int change(MasterHttp http, String body) {
        return http.send(http.request("/admin/changes")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build())
                .status();
    }
}
