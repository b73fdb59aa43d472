package io.subsync.sync.drift.domain;

import java.util.Optional;

/** The database lock that lets one instance at a time reconcile with Master. */
public interface ReconciliationLock {

    /** The lock, if no one else holds it; empty at once otherwise. */
    Optional<Held> tryHold();

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
