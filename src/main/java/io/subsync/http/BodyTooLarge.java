package io.subsync.http;

import io.subsync.problems.Problems;
import io.subsync.problems.RequestRefusal;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request body longer than its limit ({@link RequestLimits}). An {@link IOException}, so that whatever reads the
 * body stops there as at any failed read; a {@link RequestRefusal}, so that whoever catches it, the API's advice
 * included, answers its 413 problem.
 */
final class BodyTooLarge extends IOException implements RequestRefusal {
    private final long limit;

    BodyTooLarge(long limit) {
        super("the request body is longer than " + limit + " bytes");
        this.limit = limit;
    }

    @Override
    public ProblemDetail getBody() {
        return Problems.field(
                HttpStatus.CONTENT_TOO_LARGE, "Request body too large", "body", "must be at most " + limit + " bytes");
    }
}
