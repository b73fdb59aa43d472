package io.subsync.access.web;

import org.springframework.http.HttpStatus;

/** A token that cannot open a session on the pages, with the reason a person can act on. */
class SignInRefused extends RuntimeException {
    private final HttpStatus status;

    SignInRefused(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
