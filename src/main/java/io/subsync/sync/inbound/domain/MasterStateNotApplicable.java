package io.subsync.sync.inbound.domain;

/** Keeping Master's state was asked, but the MVP side cannot take it (a tenant has switched the product off, …). */
public class MasterStateNotApplicable extends RuntimeException {
    public MasterStateNotApplicable(String message) {
        super(message);
    }
}
