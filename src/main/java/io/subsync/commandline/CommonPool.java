package io.subsync.commandline;

import java.util.concurrent.ForkJoinPool;

/**
 * The JDK's common pool, sized before anything uses it. On a machine with two cores it gets one thread, and with fewer
 * than two {@link java.util.concurrent.CompletableFuture} runs every asynchronous step on a new thread of its own
 * ({@code ThreadPerTaskExecutor}). The JDK's HTTP client completes every exchange through that pool, so on two cores
 * each delivery to Master started threads: about 9,000 in 20 s of a drain (bench/README.md, P3). Two threads is what
 * the common pool needs to be a pool.
 */
public final class CommonPool {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int LEAST = 2;

    private CommonPool() {}

    /**
     * Sets the common pool's parallelism to at least two unless it was given ({@code -D}); effective only before the
     * pool is first used, so it is called from the command line's static initialiser. Answers the parallelism in force.
     */
    public static int atLeastTwoThreads() {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(
                    PARALLELISM,
                    Integer.toString(parallelism(Runtime.getRuntime().availableProcessors())));
        }
        return ForkJoinPool.getCommonPoolParallelism();
    }

    /** The JDK's own choice (cores - 1), but never under two. */
    static int parallelism(int cores) {
        return Math.max(LEAST, cores - 1);
    }
}
