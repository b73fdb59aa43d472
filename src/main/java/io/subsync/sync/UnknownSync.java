package io.subsync.sync;

/** No sync operation or account with this id. */
public class UnknownSync extends RuntimeException {
    public UnknownSync(String message) {
        super(message);
    }
}
