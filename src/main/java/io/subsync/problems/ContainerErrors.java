package io.subsync.problems;

import io.subsync.database.DatabaseUnavailable;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}, where Tomcat sends what went wrong outside Spring MVC: a method it refuses ({@code TRACE}), a
 * filter's failure (a form Tomcat could not decode, a body cut off at its limit), a page's 403. Answered as a problem
 * document like every other error, or as the error page to a browser; replaces Spring Boot's
 * {@code BasicErrorController} and its JSON of another shape. Headers already set (such as a 405's {@code Allow})
 * stay. A failure because the database is unreachable is a 503 with {@code Retry-After} ({@link DatabaseUnreachable}).
 */
@Controller
@ConditionalOnWebApplication
class ContainerErrors implements ErrorController {

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        if (DatabaseUnavailable.explains(failureOf(request))) {
            return DatabaseUnreachable.page(response);
        }
        return ErrorPage.of(HttpStatusCode.valueOf(problemOf(request, response).getStatus()), null);
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpServletResponse response) {
        ProblemDetail problem = problemOf(request, response);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static Throwable failureOf(HttpServletRequest request) {
        return (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    }

    private static ProblemDetail problemOf(HttpServletRequest request, HttpServletResponse response) {
        Throwable failure = failureOf(request);
        ProblemDetail problem = DatabaseUnavailable.explains(failure)
                ? DatabaseUnreachable.problem(response)
                : known(failure, request).orElseGet(() -> byStatus(request));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            problem.setInstance(path == null ? null : URI.create(path.toString()));
        } catch (IllegalArgumentException notAUri) {
            // no instance, rather than no answer
        }
        return problem;
    }

    /** The answer a failure (or one of its causes) knows; Tomcat has already logged any other. */
    private static Optional<ProblemDetail> known(Throwable failure, HttpServletRequest request) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponse answer) {
                return Optional.of(answer.getBody());
            }
            if (cause instanceof InvalidParameterException undecodable) {
                return Optional.of(UndecodableParameters.problem(undecodable, request.getQueryString()));
            }
        }
        return Optional.empty();
    }

    private static ProblemDetail byStatus(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.is5xxServerError()
                ? "The request could not be completed; the error has been logged."
                : "The request could not be served (" + status.value() + " " + status.getReasonPhrase() + ").";
        return Problems.of(status, status.getReasonPhrase(), detail);
    }
}
