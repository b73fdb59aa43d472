package io.subsync.linking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code limit} attempts per key in any sliding {@code window}, in memory. Each key keeps the times of its
 * last {@code limit} attempts; keys whose attempts have all left the window are dropped once the map grows past
 * {@code pruneAbove} keys. Time is passed in.
 */
public final class AttemptLimiter {
    private final int limit;
    private final Duration window;
    private final int pruneAbove;
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();

    public AttemptLimiter(int limit, Duration window, int pruneAbove) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("an attempt limit needs a limit of at least 1 and a positive window");
        }
        this.limit = limit;
        this.window = window;
        this.pruneAbove = pruneAbove;
    }

    /** Empty when one more attempt for the key is allowed at {@code now}; otherwise how long until it is. */
    public synchronized Optional<Duration> waitBefore(String key, Instant now) {
        Deque<Instant> times = attempts.get(key);
        if (times == null) {
            return Optional.empty();
        }
        forgetOld(times, now);
        if (times.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
    }

    /** Counts an attempt for the key at {@code now}. */
    public synchronized void record(String key, Instant now) {
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        forgetOld(times, now);
        times.addLast(now);
        while (times.size() > limit) {
            times.removeFirst();
        }
        if (attempts.size() > pruneAbove) {
            prune(now);
        }
    }

    /** Allows and counts an attempt, or says how long to wait (without counting it). */
    public synchronized Optional<Duration> attempt(String key, Instant now) {
        Optional<Duration> wait = waitBefore(key, now);
        if (wait.isEmpty()) {
            record(key, now);
        }
        return wait;
    }

    /** How many keys are held (for tests and metrics). */
    public synchronized int keys() {
        return attempts.size();
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant oldestKept = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
            times.removeFirst();
        }
    }

    private void prune(Instant now) {
        for (Iterator<Deque<Instant>> it = attempts.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            forgetOld(times, now);
            if (times.isEmpty()) {
                it.remove();
            }
        }
    }
}
