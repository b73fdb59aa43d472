package io.subsync.sync;

/**
 * One field in which Master's state differs from the MVP's side: the state Master last confirmed to the MVP, or the
 * MVP's desired state when that is what Master lacks (docs/sync.md, "Drift"). {@code field} is
 * {@code subscription} when the subscription exists on one side only (values {@code present} / {@code absent}).
 */
public record FieldDifference(String field, String confirmed, String master) {

    @Override
    public String toString() {
        return field + ": " + shown(confirmed) + " → " + shown(master);
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value;
    }
}
