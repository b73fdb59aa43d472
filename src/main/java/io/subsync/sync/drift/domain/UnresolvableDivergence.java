package io.subsync.sync.drift.domain;

/** A resolve that cannot be carried out as asked, e.g. keeping the MVP's state of a subscription only Master has. */
public class UnresolvableDivergence extends RuntimeException {
    public UnresolvableDivergence(String message) {
        super(message);
    }
}
