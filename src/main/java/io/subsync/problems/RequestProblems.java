package io.subsync.problems;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Problems with the request itself (malformed JSON, wrong types, bad path variables), answered as 400 with the
 * field at fault; anything unexpected is a 500 problem without internals.
 */
@RestControllerAdvice
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestProblems extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(RequestProblems.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<ErrorResponse> known = answerIn(ex);
        if (known.isPresent()) {
            return handleExceptionInternal(ex, known.get().getBody(), headers, known.get().getStatusCode(), request);
        }
        ProblemDetail problem = unreadable(ex.getMostSpecificCause());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A failure that knows its own answer (a body over its limit), however deep among the causes the reader left it. */
    static Optional<ErrorResponse> answerIn(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponse known) {
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
            } else if (cause instanceof InvalidFormatException format) {
                message = "has the wrong type or format: '" + format.getValue() + "'";
            } else if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                message = "must be " + describe(mismatch.getTargetType());
            } else {
                message = "is malformed";
            }
            return Problems.field(HttpStatus.BAD_REQUEST, "Malformed request body", field, message);
        }
        if (cause instanceof JacksonException) {
            return Problems.field(HttpStatus.BAD_REQUEST, "Malformed request body", "body",
                    "is not valid JSON: " + ((JacksonException) cause).getOriginalMessage());
        }
        return Problems.field(HttpStatus.BAD_REQUEST, "Malformed request body", "body", "is missing or unreadable");
    }

    private static String path(List<JacksonException.Reference> references) {
        return references.stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : e.getRequiredType().getSimpleName();
        if (e.getRequiredType() == java.util.UUID.class) {
            expected = "a UUID";
        }
        return Problems.field(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getName(),
                "must be " + expected + ", was '" + e.getValue() + "'");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            return known.getBody();
        }
        log.error("Unexpected error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; the error has been logged.");
    }
}
