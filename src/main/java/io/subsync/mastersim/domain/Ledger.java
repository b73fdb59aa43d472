package io.subsync.mastersim.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every subscription Master holds, with the sequence numbers of the changes applied to each. Changes to one
 * subscription are applied one at a time; changes to different subscriptions run in parallel.
 */
public final class Ledger {
    private final Map<String, Map<String, Slot>> users = new ConcurrentHashMap<>();

    /** The outcome of applying a change: the new state, and whether its sequence came after a higher one. */
    public record Applied(MasterSubscription subscription, boolean outOfOrder) {}

    /** Applies {@code change} at {@code at}: the next version of the subscription it names. */
    public Applied apply(Change change, Instant at) {
        return users.computeIfAbsent(change.userId(), user -> new ConcurrentHashMap<>())
                .computeIfAbsent(change.serviceId(), service -> new Slot())
                .apply(change, at);
    }

    /**
     * Master's own change to an existing subscription (not a delivery): {@code change} builds it from the current
     * state, under the subscription's lock. Empty when Master does not have that subscription.
     */
    public Optional<MasterSubscription> change(
            String userId, String serviceId, Function<MasterSubscription, Change> change, Instant at) {
        Map<String, Slot> services = users.get(userId);
        Slot slot = services == null ? null : services.get(serviceId);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.change(change, at));
    }

    /** The user's subscriptions ordered by serviceId; empty for a user Master does not know. */
    public List<MasterSubscription> subscriptionsOf(String userId) {
        Map<String, Slot> services = users.get(userId);
        if (services == null) {
            return List.of();
        }
        List<MasterSubscription> subscriptions = new ArrayList<>(services.size());
        for (Slot slot : services.values()) {
            MasterSubscription subscription = slot.current();
            if (subscription != null) {
                subscriptions.add(subscription);
            }
        }
        subscriptions.sort(Comparator.comparing(MasterSubscription::serviceId));
        return List.copyOf(subscriptions);
    }

    /** The sequence numbers of the changes applied to the subscription, in the order they were applied. */
    public List<Long> appliedSequence(String userId, String serviceId) {
        Map<String, Slot> services = users.get(userId);
        Slot slot = services == null ? null : services.get(serviceId);
        return slot == null ? List.of() : slot.sequences();
    }

    /** One subscription as kept in a state file: its current state and the sequences applied to it, in order. */
    public record Entry(MasterSubscription subscription, List<Long> appliedSequence) {
        public Entry {
            if (subscription == null) {
                throw new IllegalArgumentException("an entry needs its subscription");
            }
            appliedSequence = List.copyOf(appliedSequence == null ? List.of() : appliedSequence);
        }
    }

    /** Every subscription with its applied sequences, ordered by userId then serviceId (a state file's content). */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        users.forEach((user, services) -> services.forEach((service, slot) -> {
            Entry entry = slot.entry();
            if (entry != null) {
                entries.add(entry);
            }
        }));
        entries.sort(Comparator.comparing((Entry e) -> e.subscription().userId())
                .thenComparing(e -> e.subscription().serviceId()));
        return entries;
    }

    /** Puts back a subscription read from a state file, replacing what is held for its (userId, serviceId). */
    public void restore(Entry entry) {
        Slot slot = new Slot();
        slot.restore(entry);
        users.computeIfAbsent(entry.subscription().userId(), user -> new ConcurrentHashMap<>())
                .put(entry.subscription().serviceId(), slot);
    }

    /** One subscription's state; its monitor serialises the changes to it. */
    private static final class Slot {
        private MasterSubscription current;
        private long[] sequences = new long[4];
        private int count;

        synchronized Applied apply(Change change, Instant at) {
            current = MasterSubscription.applying(current, change, at);
            boolean outOfOrder = false;
            if (change.sequence() != null) {
                long sequence = change.sequence();
                outOfOrder = count > 0 && sequence < sequences[count - 1];
                if (count == sequences.length) {
                    sequences = Arrays.copyOf(sequences, count * 2);
                }
                sequences[count++] = sequence;
            }
            return new Applied(current, outOfOrder);
        }

        synchronized MasterSubscription change(Function<MasterSubscription, Change> change, Instant at) {
            if (current == null) {
                return null;
            }
            current = MasterSubscription.applying(current, change.apply(current), at);
            return current;
        }

        synchronized Entry entry() {
            return current == null ? null : new Entry(current, sequences());
        }

        synchronized void restore(Entry entry) {
            current = entry.subscription();
            sequences = new long[Math.max(4, entry.appliedSequence().size())];
            count = 0;
            for (long sequence : entry.appliedSequence()) {
                sequences[count++] = sequence;
            }
        }

        synchronized MasterSubscription current() {
            return current;
        }

        synchronized List<Long> sequences() {
            List<Long> copy = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                copy.add(sequences[i]);
            }
            return List.copyOf(copy);
        }
    }
}
