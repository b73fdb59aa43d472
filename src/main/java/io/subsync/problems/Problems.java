package io.subsync.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details; every error names the field at fault in {@code errors[].field} when there is one. */
public final class Problems {
    private Problems() {
    }

    public record FieldError(String field, String message) { }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail field(HttpStatus status, String title, String field, String message) {
        return fields(status, title, List.of(new FieldError(field, message)));
    }

    public static ProblemDetail fields(HttpStatus status, String title, List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = of(status, title, detail);
        // Mutable, so an advice can add properties (e.g. a "code").
        problem.setProperties(new LinkedHashMap<>(Map.of("errors", errors)));
        return problem;
    }
}
