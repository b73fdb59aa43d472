package io.subsync.mastersim.domain;

/** A fault setting out of its range; {@code field} names it as the admin endpoint spells it. */
public final class InvalidFault extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidFault(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong with the value, without the field's name: "must be between 0.0 and 1.0, was 2.0". */
    public String problem() {
        return problem;
    }
}
