package io.subsync.sync.outbound.domain;

import io.subsync.sync.outbound.FailedOperation;
import java.util.List;

/** The operations that have failed for good (outbox status {@code failed}), latest failure first. */
public interface FailedOperations {
    List<FailedOperation> latest(int limit);
}
