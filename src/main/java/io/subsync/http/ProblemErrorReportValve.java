package io.subsync.http;

import io.subsync.problems.Problems;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's answer to a request that never reached the application (a request line that is not HTTP, an encoded
 * {@code /} or a NUL in the path, a path above the root, headers over the limit, {@code CONNECT}), as a problem
 * document instead of Tomcat's HTML page. It says what kind of thing was wrong without echoing the request back.
 */
final class ProblemErrorReportValve extends ErrorReportValve {
    /** How Tomcat words its refusal of headers over the limit, in the language it logs in. */
    private static final String HEADERS_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    private final long maxHeaderSize;

    ProblemErrorReportValve(long maxHeaderSize) {
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = problem(response.getStatus(), throwable);
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGoneOrResponseSent) {
            // nothing left to tell anyone
        }
    }

    private ProblemDetail problem(int code, Throwable throwable) {
        if (code == 400 && throwable != null && HEADERS_TOO_LARGE.equals(throwable.getMessage())) {
            return Problems.of(
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "Request headers too large",
                    "The request line and headers together may have at most " + maxHeaderSize + " bytes.");
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case BAD_REQUEST ->
                "The request is not HTTP the service reads: a malformed request line or header, "
                        + "or a path with an encoded '/', a NUL or '..' above the root.";
            case NOT_IMPLEMENTED -> "The service does not implement this method.";
            default ->
                status.is5xxServerError()
                        ? "The request could not be completed."
                        : "The request could not be served (" + status.value() + ").";
        };
        return Problems.of(status, status.getReasonPhrase(), detail);
    }
}
