package io.subsync.mastersim;

import static io.subsync.mastersim.MasterHttp.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.mastersim.domain.Faults;
import io.subsync.mastersim.domain.InvalidFault;
import io.subsync.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Faults, observed over HTTP and switched while the simulator runs. */
class MasterSimulatorFaultsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private MasterSimulator master;
    private MasterHttp http;

    @BeforeEach
    void start() throws Exception {
        master = MasterSimulator.start(MasterSimulator.Options.defaults().withClock(clock));
        http = new MasterHttp(master.baseUrl(), null);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void delaysEveryAnswerByTheLatencySetWhileRunning() {
        assertThat(http.put("/admin/faults", "{\"latencyMs\": 400}")
                        .json()
                        .get("latencyMs")
                        .longValue())
                .isEqualTo(400);

        long started = System.nanoTime();
        MasterHttp.Response slow = http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"));
        long slowMillis = (System.nanoTime() - started) / 1_000_000;
        long listStarted = System.nanoTime();
        http.get("/users/user-1/subscriptions");
        long listMillis = (System.nanoTime() - listStarted) / 1_000_000;

        assertThat(slow.status()).isEqualTo(200);
        assertThat(slowMillis).isGreaterThanOrEqualTo(400);
        assertThat(listMillis).isGreaterThanOrEqualTo(400);

        http.put("/admin/faults", "{\"latencyMs\": 0}");
        started = System.nanoTime();
        http.deliver("k2", delivery("update", "user-1", "pawnshop", "pro"));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(400);
    }

    @Test
    void failsEveryRequestWithoutApplyingItAtErrorRateOne() {
        http.put("/admin/faults", "{\"errorRate\": 1.0}");

        MasterHttp.Response failed = http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"));
        MasterHttp.Response list = http.get("/users/user-1/subscriptions");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().get("error").stringValue()).contains("simulated");
        assertThat(list.status()).isEqualTo(500);
        assertThat(master.subscriptionsOf("user-1")).isEmpty();
        assertThat(master.stats().failedInjected()).isEqualTo(2);
        assertThat(master.stats().applied()).isZero();

        http.put("/admin/faults", "{\"errorRate\": 0.0}");
        MasterHttp.Response retried = http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"));

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("applied").booleanValue()).isTrue();
        assertThat(master.stats().applied()).isEqualTo(1);
    }

    @Test
    void failsTheSameRequestsForTheSameSeed() throws Exception {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (MasterSimulator seeded = MasterSimulator.start(MasterSimulator.Options.defaults()
                    .withFaults(Faults.NONE.withErrorRate(0.5))
                    .withSeed(42L))) {
                MasterHttp client = new MasterHttp(seeded.baseUrl(), null);
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    statuses.add(client.deliver("k" + i, delivery("create", "user-" + i, "pawnshop", "pro"))
                            .status());
                }
                runs.add(statuses);
            }
        }

        assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains(200, 500);
    }

    @Test
    void answers503ToEverythingDuringAnOutageUntilSwitchedOff() {
        JsonNode faults = http.put("/admin/faults", "{\"outage\": true}").json();
        assertThat(faults.get("outage").booleanValue()).isTrue();
        assertThat(faults.get("outageForSeconds").longValue()).isZero();

        assertThat(http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"))
                        .status())
                .isEqualTo(503);
        assertThat(http.get("/users/user-1/subscriptions").status()).isEqualTo(503);
        clock.advance(Duration.ofDays(1));
        assertThat(http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"))
                        .status())
                .isEqualTo(503);
        assertThat(http.get("/admin/stats").status())
                .as("admin endpoints are never faulted")
                .isEqualTo(200);
        assertThat(master.stats().failedInjected()).isEqualTo(3);

        http.put("/admin/faults", "{\"outage\": false}");

        assertThat(http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void endsATimedOutageByItself() {
        JsonNode faults =
                http.put("/admin/faults", "{\"outageForSeconds\": 30}").json();
        assertThat(faults.get("outage").booleanValue()).isTrue();
        assertThat(faults.get("outageForSeconds").longValue()).isEqualTo(30);

        clock.advance(Duration.ofSeconds(20));
        assertThat(http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"))
                        .status())
                .isEqualTo(503);
        assertThat(http.get("/admin/faults").json().get("outageForSeconds").longValue())
                .isEqualTo(10);
        http.put("/admin/faults", "{\"latencyMs\": 1}");
        assertThat(master.faults().outageForSeconds())
                .as("other changes keep the timer running")
                .isEqualTo(10);

        clock.advance(Duration.ofSeconds(10));
        assertThat(http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"))
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/admin/faults").json().get("outage").booleanValue())
                .isFalse();
        assertThat(master.faults()).isEqualTo(Faults.NONE.withLatencyMs(1));
    }

    @Test
    void answers429WithRetryAfterToDeliveriesUntilSetBackToZero() {
        http.put("/admin/faults", "{\"retryAfterSeconds\": 7}");

        MasterHttp.Response limited = http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("7");
        assertThat(http.get("/users/user-1/subscriptions").status())
                .as("reads are not rate limited")
                .isEqualTo(200);
        assertThat(master.stats().failedInjected()).isEqualTo(1);
        assertThat(master.subscriptionsOf("user-1")).isEmpty();

        http.put("/admin/faults", "{\"retryAfterSeconds\": 0}");

        assertThat(http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void answersTheFaultsInForce() {
        master.faults(Faults.NONE.withErrorRate(0.25).withLatencyMs(5));

        JsonNode faults = http.get("/admin/faults").json();

        assertThat(faults.get("outage").booleanValue()).isFalse();
        assertThat(faults.get("outageForSeconds").longValue()).isZero();
        assertThat(faults.get("errorRate").doubleValue()).isEqualTo(0.25);
        assertThat(faults.get("latencyMs").longValue()).isEqualTo(5);
        assertThat(faults.get("retryAfterSeconds").longValue()).isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"errorRate\": 1.5}                          | errorRate",
                "{\"errorRate\": \"high\"}                     | errorRate",
                "{\"latencyMs\": -1}                           | latencyMs",
                "{\"latencyMs\": 60001}                        | latencyMs",
                "{\"latencyMs\": 2.5}                          | latencyMs",
                "{\"retryAfterSeconds\": -3}                   | retryAfterSeconds",
                "{\"outage\": \"yes\"}                         | outage",
                "{\"outageForSeconds\": -1}                    | outageForSeconds",
                "{\"outage\": false, \"outageForSeconds\": 5}  | outageForSeconds",
                "{\"errorrate\": 0.5}                          | errorrate"
            })
    void refusesFaultsOutOfRangeNamingTheField(String body, String field) {
        master.faults(Faults.NONE.withLatencyMs(3));

        MasterHttp.Response response = http.put("/admin/faults", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("field").stringValue()).isEqualTo(field);
        assertThat(master.faults()).as("nothing changed").isEqualTo(Faults.NONE.withLatencyMs(3));
    }

    @Test
    void refusesFaultsOutOfRangeFromJavaToo() {
        assertThatThrownBy(() -> Faults.NONE.withErrorRate(Double.NaN))
                .isInstanceOfSatisfying(
                        InvalidFault.class, e -> assertThat(e.field()).isEqualTo("errorRate"));
    }
}
