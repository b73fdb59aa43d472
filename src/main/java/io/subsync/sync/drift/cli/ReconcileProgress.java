package io.subsync.sync.drift.cli;

import io.subsync.tenancy.ReconcileTotals;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * A long reconciliation's progress on a terminal, on one line rewritten in place: tenants so far of all, the rate and
 * the time left. Quiet when the command's output is not a terminal (a pipe, a file, a test), so what it prints stays
 * the same there.
 */
final class ReconcileProgress {
    private static final long EVERY_NANOS = Duration.ofMillis(500).toNanos();
    private final PrintWriter terminal;
    private final long started;
    private long shownAt;
    private boolean shown;

    private ReconcileProgress(PrintWriter terminal, long started) {
        this.terminal = terminal;
        this.started = started;
    }

    /** On the console when there is one (its writer is the terminal itself), else quiet. */
    static ReconcileProgress onTerminal(Console console, long startedNanos) {
        return new ReconcileProgress(console == null ? null : console.writer(), startedNanos);
    }

    void show(ReconcileTotals soFar) {
        long now = System.nanoTime();
        if (terminal == null || now - shownAt < EVERY_NANOS) {
            return;
        }
        shownAt = now;
        shown = true;
        terminal.print("\r" + line(soFar, Duration.ofNanos(now - started)) + "\u001b[K");
        terminal.flush();
    }

    void done() {
        if (terminal != null && shown) {
            terminal.print("\r\u001b[K");
            terminal.flush();
        }
    }

    /** {@code 120,000 of 1,000,000 tenants (12 %), 480,000 subscriptions created, 6,400 tenants/s, 2m 17s left}. */
    static String line(ReconcileTotals soFar, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = soFar.tenantsDone() / seconds;
        long left = rate > 0 ? (long) ((soFar.tenants() - soFar.tenantsDone()) / rate) : 0;
        long percent = soFar.tenants() == 0 ? 100 : soFar.tenantsDone() * 100 / soFar.tenants();
        return String.format(
                "%,d of %,d tenants (%d %%), %,d subscriptions created, %,d tenants/s, %s left",
                soFar.tenantsDone(), soFar.tenants(), percent, soFar.created(), (long) rate, clock(left));
    }

    private static String clock(long seconds) {
        return seconds >= 60 ? (seconds / 60) + "m " + (seconds % 60) + "s" : seconds + "s";
    }
}
