package io.subsync.mastersim.domain;

/**
 * The faults the simulator injects into Master's API (never into the admin endpoints).
 *
 * @param outage            every request is answered 503
 * @param outageForSeconds  when positive, the outage ends by itself after this many seconds (read back: the seconds
 *                          left, rounded up); 0 means no timer
 * @param errorRate         probability, 0.0 to 1.0, that a request is answered 500 (and not applied)
 * @param latencyMs         delay before every answer, 0 to 60,000 ms
 * @param retryAfterSeconds when positive, every POST is answered 429 with {@code Retry-After} of this many seconds
 */
public record Faults(boolean outage, long outageForSeconds, double errorRate, long latencyMs, long retryAfterSeconds) {
    public static final Faults NONE = new Faults(false, 0, 0.0, 0, 0);
    public static final long MAX_LATENCY_MS = 60_000;
    public static final long MAX_SECONDS = 86_400;

    /** @throws InvalidFault naming the first setting out of range */
    public Faults {
        if (outageForSeconds < 0 || outageForSeconds > MAX_SECONDS) {
            throw new InvalidFault(
                    "outageForSeconds", "must be between 0 and " + MAX_SECONDS + ", was " + outageForSeconds);
        }
        if (outageForSeconds > 0 && !outage) {
            throw new InvalidFault("outageForSeconds", "needs outage on");
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw new InvalidFault("errorRate", "must be between 0.0 and 1.0, was " + errorRate);
        }
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new InvalidFault("latencyMs", "must be between 0 and " + MAX_LATENCY_MS + ", was " + latencyMs);
        }
        if (retryAfterSeconds < 0 || retryAfterSeconds > MAX_SECONDS) {
            throw new InvalidFault(
                    "retryAfterSeconds", "must be between 0 and " + MAX_SECONDS + ", was " + retryAfterSeconds);
        }
    }

    /** An open-ended outage switched on, or any outage (and its timer) switched off. */
    public Faults withOutage(boolean on) {
        return new Faults(on, on ? outageForSeconds : 0, errorRate, latencyMs, retryAfterSeconds);
    }

    /** An outage that ends by itself after {@code seconds}; 0 keeps the outage as it is but removes its timer. */
    public Faults withOutageForSeconds(long seconds) {
        return new Faults(seconds > 0 || outage, seconds, errorRate, latencyMs, retryAfterSeconds);
    }

    public Faults withErrorRate(double rate) {
        return new Faults(outage, outageForSeconds, rate, latencyMs, retryAfterSeconds);
    }

    public Faults withLatencyMs(long millis) {
        return new Faults(outage, outageForSeconds, errorRate, millis, retryAfterSeconds);
    }

    public Faults withRetryAfterSeconds(long seconds) {
        return new Faults(outage, outageForSeconds, errorRate, latencyMs, seconds);
    }
}
