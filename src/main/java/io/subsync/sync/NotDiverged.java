package io.subsync.sync;

/** A resolve asked for a subscription that is not diverged: there is nothing to decide. */
public class NotDiverged extends RuntimeException {
    public NotDiverged(String message) {
        super(message);
    }
}
