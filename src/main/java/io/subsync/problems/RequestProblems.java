package io.subsync.problems;

import io.subsync.database.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Problems with the request itself (malformed JSON, wrong types, bad path variables), answered as 400 with the
 * field at fault; the database being unreachable is a 503 with {@code Retry-After} ({@link DatabaseUnreachable});
 * anything else unexpected is a 500 problem without internals.
 */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestProblems extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(RequestProblems.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<RequestRefusal> known = answerIn(ex);
        if (known.isPresent()) {
            return handleExceptionInternal(
                    ex, known.get().getBody(), headers, known.get().getStatusCode(), request);
        }
        ProblemDetail problem = unreadable(ex.getMostSpecificCause());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A refusal (a body over its limit), however deep among the causes the body's reader left it. */
    private static Optional<RequestRefusal> answerIn(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestRefusal known) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    private static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = path(jackson.getPath());
            String message;
            if (cause instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (cause instanceof NulFreeStrings.NulInString) {
                message = "must not contain the character U+0000";
            } else if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                message = "must be " + describe(mismatch.getTargetType())
                        + (cause instanceof InvalidFormatException format ? ", was '" + format.getValue() + "'" : "");
            } else {
                message = "is malformed";
            }
            return Problems.field(HttpStatus.BAD_REQUEST, "Malformed request body", field, message);
        }
        if (cause instanceof JacksonException) {
            return Problems.field(
                    HttpStatus.BAD_REQUEST,
                    "Malformed request body",
                    "body",
                    "is not valid JSON: " + ((JacksonException) cause).getOriginalMessage());
        }
        return Problems.field(HttpStatus.BAD_REQUEST, "Malformed request body", "body", "is missing or unreadable");
    }

    private static String path(List<JacksonException.Reference> references) {
        return references.stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /**
     * Spring MVC's own refusals (no such page, a method a page does not take…) reach a browser as the error page, by
     * way of {@code /error} ({@link Browsers}); everyone else gets the problem document.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servlet
                && servlet.getResponse() != null
                && !servlet.getResponse().isCommitted()
                && Browsers.wantPage(servlet.getRequest())) {
            headers.forEach((name, values) ->
                    values.forEach(value -> servlet.getResponse().addHeader(name, value)));
            try {
                servlet.getResponse().sendError(statusCode.value());
                return null;
            } catch (IOException e) {
                log.debug("Could not send the error page for {}", statusCode, e);
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** Any type an endpoint does not read, a wildcard or an unparsable one included: 415 naming the header. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String wanted = ex.getSupportedMediaTypes().isEmpty()
                ? "a media type such as application/json"
                : "one of " + MediaType.toString(ex.getSupportedMediaTypes());
        ProblemDetail problem = Problems.field(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
                HttpHeaders.CONTENT_TYPE,
                "must be " + wanted);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodable(InvalidParameterException e, HttpServletRequest request) {
        return UndecodableParameters.problem(e, request.getQueryString());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null
                ? "a valid value"
                : e.getRequiredType().getSimpleName();
        if (e.getRequiredType() == UUID.class) {
            expected = "a UUID";
        }
        return Problems.field(
                HttpStatus.BAD_REQUEST,
                "Invalid parameter",
                e.getName(),
                "must be " + expected + ", was '" + e.getValue() + "'");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletResponse response) {
        if (e instanceof ErrorResponse known) {
            return known.getBody();
        }
        if (DatabaseUnavailable.explains(e)) {
            log.debug("Database unavailable", e);
            return DatabaseUnreachable.problem(response);
        }
        log.error("Unexpected error", e);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The request could not be completed; the error has been logged.");
    }
}
