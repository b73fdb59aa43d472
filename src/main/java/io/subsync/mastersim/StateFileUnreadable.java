package io.subsync.mastersim;

import java.nio.file.Path;

/**
 * The simulator's state file exists but cannot be read back (not JSON, a field missing or of the wrong type, another
 * format): the simulator does not start, rather than start empty and make every subscription look lost.
 */
public final class StateFileUnreadable extends RuntimeException {
    private final Path file;

    public StateFileUnreadable(Path file, String problem) {
        super("cannot read the Master simulator's state file " + file + ": " + problem
                + " (move it away to start with an empty Master)");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
