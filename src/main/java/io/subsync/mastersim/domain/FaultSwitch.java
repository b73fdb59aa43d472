package io.subsync.mastersim.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * The faults in force, changed at any time by the admin endpoint or the tests. An outage with a timer ends by
 * itself when the clock passes its end. With a seed, the error draws come from one seeded generator, so a run of
 * requests made one at a time fails the same ones every time.
 */
public final class FaultSwitch {
    private final Clock clock;
    private final Random seeded;
    private volatile Setting setting;

    private record Setting(Faults faults, Instant outageEndsAt) {}

    public FaultSwitch(Faults initial, Long seed, Clock clock) {
        this.clock = clock;
        this.seeded = seed == null ? null : new Random(seed);
        this.setting = settingFor(initial);
    }

    /** The faults in force now; {@code outageForSeconds} is the time the outage has left, rounded up. */
    public Faults current() {
        Setting now = resolved();
        if (now.outageEndsAt() == null) {
            return now.faults();
        }
        Duration left = Duration.between(clock.instant(), now.outageEndsAt());
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        return new Faults(
                true,
                Math.min(seconds, Faults.MAX_SECONDS),
                now.faults().errorRate(),
                now.faults().latencyMs(),
                now.faults().retryAfterSeconds());
    }

    /** Replaces every fault; a timed outage starts now. */
    public synchronized void set(Faults faults) {
        setting = settingFor(faults);
    }

    /**
     * Changes some faults atomically (settings {@code change} does not touch stay) and answers the result. A running
     * outage timer keeps running unless {@code restartTimer}, in which case a timed outage starts now.
     */
    public synchronized Faults change(UnaryOperator<Faults> change, boolean restartTimer) {
        Setting now = resolved();
        Faults changed = change.apply(now.faults());
        boolean keepTimer = !restartTimer && changed.outage() && now.outageEndsAt() != null;
        setting = keepTimer ? new Setting(changed, now.outageEndsAt()) : settingFor(changed);
        return current();
    }

    /** The faults to inject into the request being handled (the hot path: one volatile read when nothing is set). */
    public Faults forRequest() {
        return resolved().faults();
    }

    /** True with probability {@code faults.errorRate()}. */
    public boolean failsNow(Faults faults) {
        double rate = faults.errorRate();
        if (rate <= 0.0) {
            return false;
        }
        if (rate >= 1.0) {
            return true;
        }
        return (seeded != null
                        ? seeded.nextDouble()
                        : ThreadLocalRandom.current().nextDouble())
                < rate;
    }

    private Setting resolved() {
        Setting current = setting;
        if (current.outageEndsAt() != null && !clock.instant().isBefore(current.outageEndsAt())) {
            synchronized (this) {
                if (setting == current) {
                    setting = new Setting(current.faults().withOutage(false), null);
                }
                return setting;
            }
        }
        return current;
    }

    private Setting settingFor(Faults faults) {
        Instant endsAt = faults.outageForSeconds() > 0 ? clock.instant().plusSeconds(faults.outageForSeconds()) : null;
        return new Setting(faults, endsAt);
    }
}
