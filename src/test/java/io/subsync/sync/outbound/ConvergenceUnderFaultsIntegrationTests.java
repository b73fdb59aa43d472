package io.subsync.sync.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.mastersim.domain.Faults;
import io.subsync.mastersim.domain.MasterSubscription;
import io.subsync.support.Api;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Tokens;
import io.subsync.support.Waits;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whatever Master does in between (errors, slow answers), once it answers again Master ends with the state the MVP
 * last accepted for every (user, service): plan, status, and the dates the MVP gave. Read from the simulator's own
 * state, not from what Subsync believes it delivered.
 */
class ConvergenceUnderFaultsIntegrationTests extends MasterIntegrationTest {
    private static final List<String> SERVICES = List.of("pawnshop", "bnpl", "money_loan");
    private static final List<String> PLANS = List.of("starter", "pro", "enterprise");
    private static final int USERS = 40;
    private static final int THREADS = 8;

    @Autowired
    SyncWorkers workers;

    @AfterEach
    void workersRunAgain() {
        MASTER.faults(Faults.NONE);
        if (!workers.isRunning()) {
            workers.start();
        }
    }

    /** A change the MVP accepted: the state it wants Master to have. */
    record Accepted(String plan, String status, Instant startDate, Instant endDate) {}

    @Test
    void aCancelAcceptedWhileTheUpdateBeforeItFailsInFlightStillLeavesMasterWithTheUpdatedPlan() {
        UUID user = UUID.randomUUID();
        UUID master = UUID.randomUUID();
        UUID created = accept(user, master, "create", "starter", null);
        awaitDelivered(created);

        // Only the requests deliver while Master is slow: a worker retrying the update after its 3 s failure would send
        // it again once the faults are cleared, hiding what its failure does.
        workers.stop();
        MASTER.faults(Faults.NONE.withLatencyMs(3_000).withErrorRate(1.0));
        Api.Response update = post(user, master, "update", "pro", null);
        assertThat(update.status())
                .as("Master is slower than the request waits: " + update)
                .isEqualTo(202);
        UUID updateId = syncId(update);
        Api.Response cancel = post(user, master, "cancel", "pro", null);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
        UUID cancelId = syncId(cancel);
        assertThat(outboxStatus(updateId))
                .as("the update is in flight when the cancel is accepted")
                .isEqualTo("delivering");
        assertThat(outboxStatus(cancelId)).as("the cancel waits behind it").isEqualTo("pending");
        // The update in flight has already drawn its fault: it fails after 3 s. Everything after it is answered.
        MASTER.faults(Faults.NONE);
        Waits.upTo(Duration.ofSeconds(15), Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(outboxStatus(updateId))
                        .as("the update's failed attempt is recorded")
                        .isNotEqualTo("delivering"));
        workers.start();
        awaitDrained(Duration.ofSeconds(30));

        SoftAssertions soft = new SoftAssertions();
        Map<String, Object> desired = jdbc.sql("""
                        SELECT plan_code, status, sync_status FROM subsync.subscription_sync_state
                        WHERE mvp_user_id = :user AND service_name = 'pawnshop'""").param("user", user).query().singleRow();
        soft.assertThat(desired)
                .as("the MVP's last accepted state")
                .containsEntry("plan_code", "pro")
                .containsEntry("status", "cancelled");
        List<MasterSubscription> atMaster = MASTER.subscriptionsOf(master.toString());
        soft.assertThat(atMaster).as("Master's subscriptions").hasSize(1);
        atMaster.stream()
                .findFirst()
                .ifPresent(s -> soft.assertThat(s.planTier() + "/" + s.status())
                        .as(
                                "Master's plan/status (the MVP says %s/%s, %s)",
                                desired.get("plan_code"), desired.get("status"), desired.get("sync_status"))
                        .isEqualTo("pro/cancelled"));
        soft.assertThat(outboxStatus(updateId)).as("the failed update").isEqualTo("superseded");
        soft.assertThat(jdbc.sql("SELECT superseded_by FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", updateId)
                        .query(UUID.class)
                        .optional())
                .as("superseded_by of the failed update")
                .contains(cancelId);
        soft.assertThat(jdbc.sql("""
                        SELECT count(*) FROM subsync.subscription_sync_log WHERE sync_id = :id AND status = 'superseded'""").param("id", updateId).query(Long.class).single())
                .as("superseded audit rows of the failed update")
                .isEqualTo(1L);
        soft.assertAll();
    }

    @Test
    void everySubscriptionEndsAtMasterAsLastAcceptedWhileMasterFailsAndSlowsDown() throws Exception {
        long seed = Long.getLong("subsync.convergence.seed", new Random().nextLong());
        System.out.println("Convergence seed " + seed + " (rerun with -Dsubsync.convergence.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Pair> pairs = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            UUID user = UUID.randomUUID();
            UUID master = UUID.randomUUID();
            for (String service : SERVICES) {
                pairs.add(new Pair(
                        user,
                        master,
                        service,
                        Instant.parse("2026-11-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(60)))));
            }
        }
        List<List<Pair>> byThread = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            byThread.add(new ArrayList<>());
        }
        // A user's services share a thread: the first request of each links the account, the others follow.
        for (int i = 0; i < pairs.size(); i++) {
            byThread.get((i / SERVICES.size()) % THREADS).add(pairs.get(i));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1);
        Future<?> faults = executor.submit(() -> injectFaults(new Random(seed ^ 0x5eed), running));
        List<Future<?>> callers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Pair> mine = byThread.get(t);
            Random own = new Random(seed + t);
            callers.add(executor.submit(() -> changeAtRandom(mine, own)));
        }
        try {
            for (Future<?> caller : callers) {
                caller.get();
            }
        } finally {
            running.set(false);
            faults.get();
            executor.shutdown();
        }
        MASTER.faults(Faults.NONE);
        awaitDrained(Duration.ofSeconds(60));

        List<String> differences = new ArrayList<>();
        for (Pair pair : pairs) {
            pair.difference().ifPresent(differences::add);
        }
        long inFlightSuperseded = jdbc.sql("""
                        SELECT count(*) FROM subsync.sync_outbox
                        WHERE status = 'superseded' AND attempts > 0 AND mvp_user_id IN (:users)""")
                .param("users", pairs.stream().map(p -> p.user).distinct().toList())
                .query(Long.class)
                .single();
        int sent = pairs.stream().mapToInt(p -> p.accepted.size()).sum();
        System.out.printf(
                "Convergence: %d changes accepted, %d pairs, %d rows superseded after being sent, %d pairs differ"
                        + " at Master%n",
                sent, pairs.size(), inFlightSuperseded, differences.size());
        assertThat(differences)
                .as(
                        "%d changes accepted for %d (user, service) pairs (seed %d; %d rows superseded after "
                                + "being sent): %d pairs differ at Master:%n%s",
                        sent,
                        pairs.size(),
                        seed,
                        inFlightSuperseded,
                        differences.size(),
                        String.join("\n", differences))
                .isEmpty();
    }

    /**
     * Changes every pair a few times, in random order across pairs. Half the time after the first change, a plan is
     * changed and at once cancelled or reactivated: two requests back to back, the second arriving while the first may
     * still be on its way to Master.
     */
    private void changeAtRandom(List<Pair> pairs, Random random) {
        for (Pair pair : pairs) {
            pair.steps = 3 + random.nextInt(4);
        }
        List<Pair> open = new ArrayList<>(pairs);
        while (!open.isEmpty()) {
            Pair pair = open.get(random.nextInt(open.size()));
            if (pair.accepted.isEmpty()) {
                pair.change("create", random);
            } else if (pair.steps >= 2 && random.nextBoolean()) {
                pair.change("update", random);
                pair.change(random.nextBoolean() ? "cancel" : "reactivate", random);
            } else {
                pair.change(List.of("update", "cancel", "reactivate").get(random.nextInt(3)), random);
            }
            if (pair.steps <= 0) {
                open.remove(pair);
            }
        }
    }

    /**
     * Errors at 20-30%, and most of the time answers slower than a request waits (1 s), so changes queue behind one in
     * flight: the case where a failure has a newer change waiting.
     */
    private static void injectFaults(Random random, AtomicBoolean running) {
        long[] latencies = {0, 100, 1_500, 1_500, 1_500};
        while (running.get()) {
            MASTER.faults(Faults.NONE
                    .withErrorRate(0.2 + 0.1 * random.nextDouble())
                    .withLatencyMs(latencies[random.nextInt(latencies.length)]));
            sleep(400);
        }
    }

    /** One user's subscription to one service, and what the MVP accepted for it, in order. */
    private final class Pair {
        final UUID user;
        final UUID master;
        final String service;
        final Instant startDate;
        final List<Accepted> accepted = new ArrayList<>();
        int steps;

        Pair(UUID user, UUID master, String service, Instant startDate) {
            this.user = user;
            this.master = master;
            this.service = service;
            this.startDate = startDate;
        }

        /**
         * Sends a change: create, update (another plan; an end date or none), cancel or reactivate. A cancel or
         * reactivate carries the plan last accepted, as a caller that only cancels would send it.
         */
        void change(String operation, Random random) {
            Accepted last = accepted.isEmpty() ? null : accepted.get(accepted.size() - 1);
            // An update always moves to another plan: the change a lost update would leave missing at Master.
            String plan = last == null
                    ? PLANS.get(random.nextInt(PLANS.size()))
                    : operation.equals("update") ? otherPlan(last.plan(), random) : last.plan();
            Instant end = switch (operation) {
                case "update", "cancel" ->
                    random.nextBoolean() ? startDate.plus(Duration.ofDays(30 + random.nextInt(300))) : null;
                default -> null;
            };
            Api.Response response = api.post(
                    "/sync-subscription",
                    Tokens.serviceRole(),
                    body(user, master, service, operation, plan, startDate, end));
            assertThat(response.status())
                    .as("%s %s/%s: %s", operation, user, service, response)
                    .isIn(200, 202);
            accepted.add(new Accepted(plan, operation.equals("cancel") ? "cancelled" : "active", startDate, end));
            steps--;
        }

        /** How Master (and the MVP's own state row) differ from the last accepted change, if they do. */
        Optional<String> difference() {
            Accepted last = accepted.get(accepted.size() - 1);
            Map<String, Object> state = jdbc.sql("""
                            SELECT plan_code, status, start_date, end_date, sync_status FROM subsync.subscription_sync_state
                            WHERE mvp_user_id = :user AND service_name = :service""")
                    .param("user", user)
                    .param("service", service)
                    .query()
                    .singleRow();
            List<String> wrong = new ArrayList<>();
            if (!last.plan().equals(state.get("plan_code")) || !last.status().equals(state.get("status"))) {
                wrong.add("the MVP's state row is " + state.get("plan_code") + "/" + state.get("status"));
            }
            Optional<MasterSubscription> atMaster = MASTER.subscriptionsOf(master.toString()).stream()
                    .filter(s -> s.serviceId().equals("svc_" + service))
                    .findFirst();
            if (atMaster.isEmpty()) {
                wrong.add("Master has no subscription");
            } else {
                MasterSubscription s = atMaster.get();
                if (!last.plan().equals(s.planTier()) || !last.status().equals(s.status())) {
                    wrong.add("Master has " + s.planTier() + "/" + s.status());
                }
                if (!Objects.equals(instant(s.startDate()), last.startDate())) {
                    wrong.add("Master's startDate is " + s.startDate());
                }
                if (last.endDate() != null && !Objects.equals(instant(s.endDate()), last.endDate())) {
                    wrong.add("Master's endDate is " + s.endDate());
                }
            }
            if (wrong.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(String.format(
                    "  %s/%s: last accepted %s/%s%s; %s (MVP sync_status %s); outbox %s",
                    user,
                    service,
                    last.plan(),
                    last.status(),
                    last.endDate() == null ? "" : " ending " + last.endDate(),
                    String.join(", ", wrong),
                    state.get("sync_status"),
                    outbox(user, service)));
        }
    }

    private static String otherPlan(String plan, Random random) {
        List<String> others = PLANS.stream().filter(p -> !p.equals(plan)).toList();
        return others.get(random.nextInt(others.size()));
    }

    private List<String> outbox(UUID user, String service) {
        return jdbc.sql("""
                        SELECT revision || ' ' || operation || ' ' || (payload ->> 'planCode') || ' ' || status
                               || ' (attempts ' || attempts || ')' FROM subsync.sync_outbox
                        WHERE mvp_user_id = :user AND service_name = :service ORDER BY revision""")
                .param("user", user)
                .param("service", service)
                .query(String.class)
                .list();
    }

    private UUID accept(UUID user, UUID master, String operation, String plan, Instant end) {
        Api.Response response = post(user, master, operation, plan, end);
        assertThat(response.status()).as(response.toString()).isIn(200, 202);
        return syncId(response);
    }

    private Api.Response post(UUID user, UUID master, String operation, String plan, Instant end) {
        return api.post(
                "/sync-subscription",
                Tokens.serviceRole(),
                body(user, master, "pawnshop", operation, plan, Instant.parse("2026-11-01T00:00:00Z"), end));
    }

    private static Map<String, Object> body(
            UUID user, UUID master, String service, String operation, String plan, Instant start, Instant end) {
        Map<String, Object> data = new HashMap<>();
        data.put("serviceName", service);
        data.put("planCode", plan);
        data.put("status", operation.equals("cancel") ? "cancelled" : "active");
        data.put("startDate", start.toString());
        if (end != null) {
            data.put("endDate", end.toString());
        }
        return Map.of(
                "mvpUserId",
                user.toString(),
                "masterUserId",
                master.toString(),
                "operation",
                operation,
                "subscriptionData",
                data);
    }

    private static UUID syncId(Api.Response response) {
        return UUID.fromString(response.json().get("syncId").asString());
    }

    private String outboxStatus(UUID syncId) {
        return jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                .param("id", syncId)
                .query(String.class)
                .single();
    }

    private void awaitDelivered(UUID syncId) {
        Waits.upTo(Duration.ofSeconds(15), Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(outboxStatus(syncId))
                        .as("operation " + syncId)
                        .isEqualTo("delivered"));
    }

    /** Master keeps dates as sent: an ISO day or a date-time. */
    private static Instant instant(String date) {
        if (date == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException notADateTime) {
            return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
