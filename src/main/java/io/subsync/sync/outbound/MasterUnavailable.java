package io.subsync.sync.outbound;

/** Master could not be read: unreachable, too slow, or it answered something other than its subscriptions. */
public class MasterUnavailable extends RuntimeException {
    public MasterUnavailable(String message) {
        super(message);
    }
}
