package io.subsync.problems;

import io.subsync.database.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last word on errors of {@link PageController}s: what no feature's page advice answered becomes an error page
 * (400 for a malformed request, 503 with {@code Retry-After} while the database is unreachable, 500 otherwise,
 * logged), so a browser never gets JSON or a stack trace. Ordered after the features' page advice and before the
 * API's problem-detail advice, which would otherwise catch everything.
 */
@ControllerAdvice(annotations = PageController.class)
@ConditionalOnWebApplication
@Order(PageProblems.ORDER)
class PageProblems {
    /** After the features' page advice, which is ordered {@code HIGHEST_PRECEDENCE}. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView undecodable(InvalidParameterException e, HttpServletRequest request) {
        return ErrorPage.of(
                HttpStatusCode.valueOf(UndecodableParameters.problem(e, request.getQueryString())
                        .getStatus()),
                "The address is malformed.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        if (e instanceof ErrorResponse known) {
            return ErrorPage.of(
                    known.getStatusCode(),
                    "The request could not be served (" + known.getStatusCode().value() + ").");
        }
        if (e instanceof TypeMismatchException) {
            return ErrorPage.of(HttpStatus.BAD_REQUEST, "The address is malformed.");
        }
        if (DatabaseUnavailable.explains(e)) {
            log.debug("Database unavailable on a page", e);
            return DatabaseUnreachable.page(response);
        }
        log.error("Unexpected error on a page", e);
        return ErrorPage.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; the error has been logged.");
    }
}
