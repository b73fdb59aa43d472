package io.subsync.access;

import io.subsync.problems.Problems;
import io.subsync.problems.RequestRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * A request header the firewall refuses: one holding a control character (often UTF-8 text, which HTTP carries as
 * Latin-1 bytes). A {@link RequestRejectedException}, so a filter that reads it ends in the firewall's handler; an
 * {@link RequestRefusal}, so a controller that reads it answers the same 400 problem, naming the header.
 */
final class RejectedHeader extends RequestRejectedException implements RequestRefusal {
    private final String header;

    RejectedHeader(String header) {
        super("the request header " + header + " holds characters the service does not accept");
        this.header = header;
    }

    @Override
    public ProblemDetail getBody() {
        return Problems.field(
                HttpStatus.BAD_REQUEST,
                "Invalid header",
                header,
                "holds characters the service does not accept (control characters); send printable ASCII");
    }
}
