package io.subsync.sync.inbound.domain;

/** A webhook whose {@code X-Master-Signature} is missing, malformed, wrong, or too old or too far ahead. */
public class InvalidSignature extends RuntimeException {
    public InvalidSignature(String message) {
        super(message);
    }
}
