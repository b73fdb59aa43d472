package io.subsync.access;

/**
 * Who made a change and in which request: the actor recorded in audit entries ({@code user:…}, {@code service_role},
 * {@code worker:…}, {@code cli:…}) and the caller's {@code X-Request-Id}, if any.
 */
public record Provenance(String actor, String requestId) {
    public Provenance {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an actor is required");
        }
    }

    /** Work the service does on its own (a worker, a command, a schedule): no request id. */
    public static Provenance of(String actor) {
        return new Provenance(actor, null);
    }
}
