package io.subsync.mastersim.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The answer given to each Idempotency-Key. The first request with a key computes its answer (and applies the
 * change); requests with the same key that arrive meanwhile wait for that answer, later ones get it at once. Kept
 * until the simulator is reset.
 */
final class Replays {
    private final ConcurrentHashMap<String, FutureTask<byte[]>> answers = new ConcurrentHashMap<>();

    record Answer(byte[] body, boolean replayed) {}

    Answer answer(String key, Supplier<byte[]> first) throws InterruptedException {
        FutureTask<byte[]> task = new FutureTask<>(first::get);
        FutureTask<byte[]> earlier = answers.putIfAbsent(key, task);
        FutureTask<byte[]> used = earlier == null ? task : earlier;
        if (earlier == null) {
            task.run();
        }
        try {
            return new Answer(used.get(), earlier != null);
        } catch (ExecutionException e) {
            // Nothing was applied, so the key stays free for a retry.
            answers.remove(key, used);
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
