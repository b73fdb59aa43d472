package io.subsync.mastersim.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The answer given to each Idempotency-Key. The first request with a key computes its answer (and applies the
 * change); requests with the same key that arrive meanwhile wait for that answer, later ones get it at once. Kept
 * until the simulator is reset (and, with a state file, across restarts).
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

    /** The answers given so far, by key; a key whose first request is still running is left out. */
    Map<String, byte[]> answered() {
        Map<String, byte[]> answered = new LinkedHashMap<>();
        answers.forEach((key, task) -> {
            if (task.isDone()) {
                try {
                    answered.put(key, task.get());
                } catch (ExecutionException | CancellationException e) {
                    // Not applied: its key stays free, as in answer().
                } catch (InterruptedException e) {
                    // A done task does not wait, so this does not happen; keep the flag for whoever asks.
                    Thread.currentThread().interrupt();
                }
            }
        });
        return answered;
    }

    /** Puts back the answer a key was given before a restart. */
    void restore(String key, byte[] body) {
        FutureTask<byte[]> task = new FutureTask<>(() -> body);
        task.run();
        answers.put(key, task);
    }
}
