package io.subsync.sync.outbound;

import io.subsync.database.DatabaseUnavailable;
import io.subsync.sync.RetrySchedule;
import io.subsync.sync.SyncProperties;
import io.subsync.sync.outbound.domain.ClaimedDelivery;
import io.subsync.sync.outbound.domain.DeliveryResult;
import io.subsync.sync.outbound.domain.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox to Master: claims due rows under a lease, sends each with its sync id as
 * {@code Idempotency-Key}, and records what Master answered (confirmed, try again later, or failed) together
 * with its audit row. A row whose worker died is claimed again once its lease expires. While the database is
 * unreachable, what Master answered is kept and recorded once it is back ({@link DatabaseOutages}): the attempt is
 * counted once, as what Master answered, not again because the database failed.
 */
@Service
public class DeliverPendingSyncs {
    private static final Logger log = LoggerFactory.getLogger(DeliverPendingSyncs.class);
    private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(20);
    private final Outbox outbox;
    private final SyncOperations operations;
    private final MasterClient master;
    private final SyncProperties properties;
    private final RetrySchedule schedule;
    private final TransactionTemplate transactions;
    private final SyncMetrics metrics;
    private final DatabaseOutages outages;
    private final Clock clock;
    private final JsonMapper json;

    DeliverPendingSyncs(
            Outbox outbox,
            SyncOperations operations,
            MasterClient master,
            SyncProperties properties,
            TransactionTemplate transactions,
            SyncMetrics metrics,
            DatabaseOutages outages,
            Clock clock,
            JsonMapper json) {
        this.outbox = outbox;
        this.operations = operations;
        this.master = master;
        this.properties = properties;
        this.schedule = properties.schedule();
        this.transactions = transactions;
        this.metrics = metrics;
        this.outages = outages;
        this.clock = clock;
        this.json = json;
    }

    /** Claims and delivers one batch; returns how many rows it claimed (0: nothing was due). */
    public int deliverBatch(String worker) {
        Instant now = clock.instant();
        List<ClaimedDelivery> claimed = transactions.execute(
                tx -> outbox.claim(worker, properties.batchSize(), now, now.plus(properties.lease())));
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<DeliveryResult>> answers =
                claimed.stream().map(this::send).toList();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        // Confirmations, the common case, are recorded together; anything else one by one.
        List<Outbox.Confirmation> confirmations = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            DeliveryResult result = answers.get(i).join();
            if (result.kind() == DeliveryResult.Kind.CONFIRMED) {
                confirmations.add(new Outbox.Confirmation(claimed.get(i), masterData(result)));
            } else {
                record(claimed.get(i), result, worker, DatabaseOutages.UNTIL_STOPPED);
            }
        }
        recordConfirmed(confirmations, worker);
        return claimed.size();
    }

    /**
     * Delivers one operation right away if it is next in line, waiting at most {@code wait} for Master; true when
     * Master confirmed within that time. Past it, the delivery goes on and is recorded in the background. False too
     * when the database became unreachable after the operation was recorded: it is in the outbox, and a worker
     * delivers it once the database is back.
     */
    public boolean deliverNow(UUID syncId, String worker, Duration wait) {
        if (!properties.masterConfigured()) {
            return false;
        }
        try {
            return claimAndDeliver(syncId, worker, wait);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.explains(e)) {
                throw e;
            }
            log.debug("Database unreachable before {} could be delivered in its request", syncId, e);
            return false;
        }
    }

    private boolean claimAndDeliver(UUID syncId, String worker, Duration wait) {
        Instant now = clock.instant();
        Optional<ClaimedDelivery> claimed =
                transactions.execute(tx -> outbox.claim(syncId, worker, now, now.plus(properties.lease())));
        if (claimed == null || claimed.isEmpty()) {
            return inFlightElsewhereConfirmed(syncId, wait);
        }
        // Recorded in the background past the wait; through an outage for as long as the lease lasts.
        CompletableFuture<Boolean> delivered = send(claimed.get())
                .thenApply(result -> record(claimed.get(), result, worker, properties.lease())
                        && result.kind() == DeliveryResult.Kind.CONFIRMED)
                .whenComplete((confirmed, failure) -> {
                    if (failure != null) {
                        logUnrecorded(syncId, failure);
                    }
                });
        try {
            return delivered.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void logUnrecorded(UUID syncId, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (DatabaseUnavailable.explains(cause)) {
            log.warn("The database stayed unreachable for the whole lease of {}; it will be delivered again", syncId);
        } else {
            log.error(
                    "Recording the delivery of {} failed; its lease will expire and it will be delivered again",
                    syncId,
                    cause);
        }
    }

    /**
     * A worker may claim the operation between the request's commit and its own claim: then the request waits for that
     * worker's answer instead, as long as it would have waited for its own, so the caller's answer does not depend on
     * which thread sent it. Any state but {@code delivering} ends the wait.
     */
    private boolean inFlightElsewhereConfirmed(UUID syncId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<OutboxStatus> status = operations.status(syncId);
            if (status.filter(OutboxStatus.DELIVERED::equals).isPresent()) {
                return true;
            }
            if (status.filter(OutboxStatus.DELIVERING::equals).isEmpty() || System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(IN_FLIGHT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private CompletableFuture<DeliveryResult> send(ClaimedDelivery delivery) {
        if (delivery.masterUserId().isEmpty()) {
            return CompletableFuture.completedFuture(new DeliveryResult(
                    DeliveryResult.Kind.REJECTED,
                    0,
                    null,
                    "the account has no linked Master account",
                    Optional.empty()));
        }
        if (delivery.mapping().isEmpty()) {
            return CompletableFuture.completedFuture(new DeliveryResult(
                    DeliveryResult.Kind.REJECTED,
                    0,
                    null,
                    "no service_plan_mapping for (service '" + delivery.state().serviceName() + "', plan '"
                            + delivery.state().planCode() + "')",
                    Optional.empty()));
        }
        return master.deliver(delivery);
    }

    private void recordConfirmed(List<Outbox.Confirmation> confirmations, String worker) {
        if (confirmations.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        Set<UUID> held = outages.recording(
                () -> transactions.execute(tx -> outbox.confirmedAll(confirmations, worker, at)),
                DatabaseOutages.UNTIL_STOPPED);
        for (Outbox.Confirmation confirmation : confirmations) {
            boolean stillHeld =
                    held != null && held.contains(confirmation.delivery().syncId());
            metrics.attempted(stillHeld ? "confirmed" : "lease_lost");
            if (stillHeld) {
                metrics.delivered(Duration.between(confirmation.delivery().createdAt(), at));
            }
        }
    }

    /**
     * Records the answer, waiting out an outage for at most {@code patience}; returns false when this worker had lost
     * its lease meanwhile.
     */
    private boolean record(ClaimedDelivery delivery, DeliveryResult result, String worker, Duration patience) {
        Instant at = clock.instant();
        Boolean held = outages.recording(
                () -> transactions.execute(tx -> switch (result.kind()) {
                    case CONFIRMED -> outbox.confirmed(delivery, worker, masterData(result), at);
                    case REJECTED -> outbox.failed(delivery, worker, result.error(), at);
                    case RETRYABLE -> {
                        Optional<Duration> wait = schedule.after(
                                delivery.attempt(),
                                result.retryAfter(),
                                () -> ThreadLocalRandom.current().nextDouble());
                        yield wait.isPresent()
                                ? outbox.retryLater(delivery, worker, result.error(), at.plus(wait.get()), at)
                                : outbox.failed(delivery, worker, result.error(), at);
                    }
                }),
                patience);
        boolean stillHeld = Boolean.TRUE.equals(held);
        metrics.attempted(
                !stillHeld
                        ? "lease_lost"
                        : switch (result.kind()) {
                            case CONFIRMED -> "confirmed";
                            case REJECTED -> "rejected";
                            case RETRYABLE -> "retry";
                        });
        if (stillHeld && result.kind() == DeliveryResult.Kind.CONFIRMED) {
            metrics.delivered(Duration.between(delivery.createdAt(), at));
        }
        if (result.kind() != DeliveryResult.Kind.CONFIRMED) {
            log.info("Delivery {} attempt {} to Master: {}", delivery.syncId(), delivery.attempt(), result.error());
        }
        return stillHeld;
    }

    private String masterData(DeliveryResult result) {
        String body = result.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        String trimmed = body.trim();
        return trimmed.startsWith("{") || trimmed.startsWith("[")
                ? trimmed
                : json.writeValueAsString(Map.of("body", trimmed));
    }
}
