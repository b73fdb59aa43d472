package io.subsync.sync.inbound.domain;

/** Keeping Master's state was asked, but Master's state of that subscription is not known here. */
public class MasterStateUnknown extends RuntimeException {
    public MasterStateUnknown(String message) {
        super(message);
    }
}
