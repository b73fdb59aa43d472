package io.subsync.problems;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;

/**
 * A failure that is the request's fault and carries its own problem (a body over its limit, a header the firewall
 * refuses), so it is answered the same wherever it is caught: by the API's advice, the pages' advice, {@code /error}
 * or a filter.
 */
public interface RequestRefusal extends ErrorResponse {
    @Override
    default HttpStatusCode getStatusCode() {
        return HttpStatusCode.valueOf(getBody().getStatus());
    }
}
